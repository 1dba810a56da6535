import type { Db } from "~/server/db-client";
import { invalidInput, notFound } from "~/server/errors";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { enqueueFileDeletions, mediaFileDeletion } from "~/server/services/files/file-deletions";

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
 * Deletes the row and queues its files in the same transaction, so a failed transaction removes nothing and a
 * committed one never loses track of a file; the job removes them from the provider, retrying through outages.
 */
export async function deleteProductMedia(db: Db, restaurantId: string, productId: string, mediaId: string) {
  await db.$transaction(async (tx) => {
    const found = await tx.productMedia.findFirst({
      where: mediaWhere(restaurantId, productId, mediaId),
      select: { id: true, kind: true, provider: true, providerKey: true },
    });
    if (!found) throw notFound("Photo or video");
    await tx.productMedia.delete({ where: { id: found.id } });
    await enqueueFileDeletions(tx, [mediaFileDeletion(restaurantId, found)]);
  });
  requestFileDeletions();
  return { deleted: true };
}
