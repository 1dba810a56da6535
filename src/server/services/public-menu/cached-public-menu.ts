import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "~/server/db";
import { menuSlugTag } from "~/server/cache/menu-cache";
import { modelStorage } from "~/server/integrations/model-storage";
import { getPublicMenu, MENU_MAX_AGE_SECONDS, type PublicMenu } from "./public-menu";

/**
 * The public menu through Next's cache, tagged with its slug: a cached page is served without a query until a
 * change announces the tag (src/server/cache/menu-cache.ts), and rebuilt at least daily so its 7-day model URLs
 * never expire while it is served.
 */
export function loadPublicMenu(slug: string): Promise<PublicMenu | null> {
  return unstable_cache(() => getPublicMenu(db, modelStorage(), slug, new Date()), ["public-menu", slug], {
    tags: [menuSlugTag(slug)],
    revalidate: MENU_MAX_AGE_SECONDS,
  })();
}
