import "server-only";
import { headers } from "next/headers";

/** Where public menus live on the host this page was requested from, e.g. "https://foodar.app/m/". */
export async function menuBaseUrl(): Promise<string> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${protocol}://${host}/m/`;
}
