import "server-only";
import { env } from "~/env.js";

/**
 * The menu's absolute address, from SITE_URL. A cached page cannot ask the request for its host, so without it the
 * canonical link, og:url and the JSON-LD's URLs are left out rather than guessed.
 */
export function menuPageUrl(slug: string): URL | null {
  return env.SITE_URL ? new URL(`/m/${slug}`, env.SITE_URL) : null;
}
