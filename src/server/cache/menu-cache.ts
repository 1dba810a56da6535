import type { Db } from "~/server/db-client";
import { CACHE_TAG_CHANNEL } from "./cache-tag-channel.mjs";

// The public menu page is cached whole (see cache-handler.mjs) and tagged with its address: whatever changes a
// restaurant's menu announces the tag of the restaurant's slug, and a slug change announces the old one too.

export const menuSlugTag = (slug: string) => `menu-slug:${slug}`;

type Tx = Pick<Db, "$executeRaw">;

/**
 * Marks cache tags as changed, in the caller's transaction: the rows and the notifications take effect on commit,
 * with the change they describe, and not at all on rollback. Every instance's cache handler hears the NOTIFY and
 * drops the pages carrying these tags; one that was not listening reads the rows when it reconnects.
 */
export async function publishCacheTags(tx: Tx, tags: readonly string[]) {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "CacheTagRevalidation" ("tag", "revalidatedAt")
    SELECT tag, clock_timestamp() FROM unnest(${unique}::text[]) AS tag
    ON CONFLICT ("tag") DO UPDATE SET "revalidatedAt" = EXCLUDED."revalidatedAt"`;
  await tx.$executeRaw`SELECT pg_notify(${CACHE_TAG_CHANNEL}, tag) FROM unnest(${unique}::text[]) AS tag`;
}

/** Something on this restaurant's public menu changed: its details, menu, files, models, review state or access. */
export async function publishMenuChange(tx: Tx & Pick<Db, "restaurant">, restaurantId: string, previousSlug?: string) {
  const restaurant = await tx.restaurant.findUnique({ where: { id: restaurantId }, select: { slug: true } });
  const slugs = [restaurant?.slug, previousSlug].filter((slug): slug is string => Boolean(slug));
  await publishCacheTags(tx, slugs.map(menuSlugTag));
}
