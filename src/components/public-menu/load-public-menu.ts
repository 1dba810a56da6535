import "server-only";
import { cache } from "react";
import { SLUG_MAX, SLUG_PATTERN } from "~/lib/slug";
import { loadPublicMenu as loadCachedPublicMenu } from "~/server/services/public-menu/cached-public-menu";
import type { PublicMenu } from "~/server/services/public-menu/public-menu";

/**
 * The live menu for /m/<slug>, or null. The page, its metadata and its OpenGraph image all ask for it: cache()
 * makes that one call per render, and the call is served from Next's tagged cache until the menu changes. Nothing
 * here reads the request, so the page stays cacheable as a whole.
 */
export const loadPublicMenu = cache(async (slug: string): Promise<PublicMenu | null> => {
  // Anything that cannot be a slug cannot be a menu, and is not worth a cache entry or a query.
  if (slug.length > SLUG_MAX || !SLUG_PATTERN.test(slug)) return null;
  return loadCachedPublicMenu(slug);
});
