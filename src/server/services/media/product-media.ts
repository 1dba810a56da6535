import type { Db } from "~/server/db-client";
import { invalidInput, notFound } from "~/server/errors";
import type { MediaStorage } from "~/server/integrations/media/media-storage";

// As in menu/products.ts, the restaurant id has been checked against the owner by the procedure; every query
// goes through the product's restaurant, so media of another restaurant's product are not found.

async function requireProduct(db: Pick<Db, "product">, restaurantId: string, productId: string) {
  const product = await db.product.findFirst({ where: { id: productId, restaurantId }, select: { id: true } });
  if (!product) throw notFound("Product");
  return product;
}

const mediaWhere = (restaurantId: string, productId: string, mediaId: string) => ({
  id: mediaId,
  productId,
  product: { restaurantId },
});

export async function listProductMedia(db: Db, restaurantId: string, productId: string) {
  await requireProduct(db, restaurantId, productId);
  return db.productMedia.findMany({ where: { productId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}

export async function updateMediaAlt(db: Db, restaurantId: string, productId: string, mediaId: string, altText: string) {
  const { count } = await db.productMedia.updateMany({ where: mediaWhere(restaurantId, productId, mediaId), data: { altText } });
  if (count === 0) throw notFound("Photo or video");
  return db.productMedia.findUniqueOrThrow({ where: { id: mediaId } });
}

export async function reorderProductMedia(db: Db, restaurantId: string, productId: string, mediaIds: string[]) {
  await db.$transaction(async (tx) => {
    await requireProduct(tx, restaurantId, productId);
    const existing = await tx.productMedia.findMany({ where: { productId }, select: { id: true } });
    const known = new Set(existing.map((media) => media.id));
    if (mediaIds.length !== known.size || mediaIds.some((id) => !known.has(id))) {
      throw invalidInput("The list must contain every photo and video of this product exactly once; reload and try again", {
        mediaIds: ["Reload the product and try again"],
      });
    }
    await tx.$executeRaw`
      UPDATE "ProductMedia" SET "position" = ordered.position
      FROM unnest(${mediaIds}::uuid[]) WITH ORDINALITY AS ordered(id, position)
      WHERE "ProductMedia"."id" = ordered.id AND "ProductMedia"."productId" = ${productId}::uuid`;
  });
  return { reordered: mediaIds.length };
}

/**
 * Deletes the row, then the provider's file once the deletion has committed, so a failed transaction never
 * leaves a row pointing at a missing file. Until the outbox and its job arrive with the job runner, a provider
 * outage at that moment leaves the file behind: it is logged with its key so it can be removed by hand.
 */
export async function deleteProductMedia(db: Db, storage: MediaStorage, restaurantId: string, productId: string, mediaId: string) {
  const media = await db.$transaction(async (tx) => {
    const found = await tx.productMedia.findFirst({
      where: mediaWhere(restaurantId, productId, mediaId),
      select: { id: true, kind: true, provider: true, providerKey: true },
    });
    if (!found) throw notFound("Photo or video");
    await tx.productMedia.delete({ where: { id: found.id } });
    return found;
  });
  // A row stored by the other driver (the deployment switched providers) is not this storage's to remove.
  if (media.provider !== storage.provider) return { deleted: true, fileRemoved: false };
  try {
    await storage.remove(media.providerKey, media.kind);
    return { deleted: true, fileRemoved: true };
  } catch (error) {
    console.error(`Could not remove ${media.provider} media ${media.providerKey} after deleting its row:`, error);
    return { deleted: true, fileRemoved: false };
  }
}
