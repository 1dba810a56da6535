import "server-only";
import { headers } from "next/headers";
import { env } from "~/env.js";
import { requestOriginFrom } from "~/lib/menu-url";

/**
 * This app's origin for links that leave the page (a checkout's redirect back, the sandbox's pages): SITE_URL when
 * it is set, else the host the browser reached this request on. Works wherever Next has a request in scope (route
 * handlers, server components, the tRPC route).
 */
export async function appOrigin(): Promise<string> {
  if (env.SITE_URL) return new URL(env.SITE_URL).origin;
  return requestOriginFrom(await headers());
}
