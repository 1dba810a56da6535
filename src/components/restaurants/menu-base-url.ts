import "server-only";
import { headers } from "next/headers";
import { menuBaseUrlFrom } from "~/lib/menu-url";

/** Where public menus live on the host this page was requested from, e.g. "https://foodar.app/m/". */
export async function menuBaseUrl(): Promise<string> {
  return menuBaseUrlFrom(await headers());
}
