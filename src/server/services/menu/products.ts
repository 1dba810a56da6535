import type { z } from "zod";
import type { Db } from "~/server/db-client";
import { invalidInput, notFound } from "~/server/errors";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { enqueueProductFiles } from "~/server/services/files/file-deletions";
import type { productDetailsSchema } from "~/schemas/menu";
import type { Availability } from "~/generated/prisma/enums";

// As in categories.ts, the restaurant id has been checked against the owner by the procedure, and every
// query keeps it, so ids of another restaurant are not found.

type ProductDetails = z.output<typeof productDetailsSchema>;

async function requireCategory(db: Pick<Db, "category">, restaurantId: string, categoryId: string) {
  const category = await db.category.findFirst({ where: { id: categoryId, restaurantId }, select: { id: true } });
  if (!category) throw notFound("Category");
  return category;
}

async function nextPosition(db: Pick<Db, "product">, categoryId: string): Promise<number> {
  const last = await db.product.aggregate({ where: { categoryId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

export async function getProduct(db: Db, restaurantId: string, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, restaurantId },
    include: { category: { select: { id: true, name: true } }, media: { orderBy: { position: "asc" } }, model: true },
  });
  if (!product) throw notFound("Product");
  return product;
}

export async function createProduct(db: Db, restaurantId: string, categoryId: string, details: ProductDetails) {
  return db.$transaction(async (tx) => {
    await requireCategory(tx, restaurantId, categoryId);
    return tx.product.create({ data: { ...details, restaurantId, categoryId, position: await nextPosition(tx, categoryId) } });
  });
}

export async function updateProduct(db: Db, restaurantId: string, productId: string, details: ProductDetails, categoryId?: string) {
  return db.$transaction(async (tx) => {
    const current = await tx.product.findFirst({ where: { id: productId, restaurantId }, select: { categoryId: true } });
    if (!current) throw notFound("Product");
    const moving = categoryId !== undefined && categoryId !== current.categoryId;
    if (moving) await requireCategory(tx, restaurantId, categoryId);
    return tx.product.update({
      where: { id: productId },
      data: { ...details, ...(moving ? { categoryId, position: await nextPosition(tx, categoryId) } : {}) },
    });
  });
}

/** Its photos, videos and 3D model files are queued for removal in the same transaction (see file-deletions.ts). */
export async function deleteProduct(db: Db, restaurantId: string, productId: string) {
  await db.$transaction(async (tx) => {
    const product = await tx.product.findFirst({ where: { id: productId, restaurantId }, select: { id: true } });
    if (!product) throw notFound("Product");
    await enqueueProductFiles(tx, restaurantId, [product.id]);
    await tx.product.delete({ where: { id: product.id } });
  });
  requestFileDeletions();
  return { deleted: true };
}

/** A copy placed right after the original, without its photos and 3D model (those are files of their own). */
export async function duplicateProduct(db: Db, restaurantId: string, productId: string) {
  return db.$transaction(async (tx) => {
    const original = await tx.product.findFirst({ where: { id: productId, restaurantId } });
    if (!original) throw notFound("Product");
    await tx.product.updateMany({
      where: { categoryId: original.categoryId, position: { gt: original.position } },
      data: { position: { increment: 1 } },
    });
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = original;
    return tx.product.create({
      data: { ...copy, name: `${original.name} (copy)`.slice(0, 120), position: original.position + 1 },
    });
  });
}

export async function moveProduct(db: Db, restaurantId: string, productId: string, toCategoryId: string) {
  return db.$transaction(async (tx) => {
    await requireCategory(tx, restaurantId, toCategoryId);
    const { count } = await tx.product.updateMany({
      where: { id: productId, restaurantId },
      data: { categoryId: toCategoryId, position: await nextPosition(tx, toCategoryId) },
    });
    if (count === 0) throw notFound("Product");
    return tx.product.findUniqueOrThrow({ where: { id: productId } });
  });
}

/** The new order must name every product of the category exactly once. */
export async function reorderProducts(db: Db, restaurantId: string, categoryId: string, productIds: string[]) {
  await db.$transaction(async (tx) => {
    await requireCategory(tx, restaurantId, categoryId);
    const existing = await tx.product.findMany({ where: { categoryId, restaurantId }, select: { id: true } });
    const known = new Set(existing.map((product) => product.id));
    if (productIds.length !== known.size || productIds.some((id) => !known.has(id))) {
      throw invalidInput("The list must contain every product of this category exactly once; reload and try again", {
        productIds: ["Reload the menu and try again"],
      });
    }
    await tx.$executeRaw`
      UPDATE "Product" SET "position" = ordered.position, "updatedAt" = now()
      FROM unnest(${productIds}::uuid[]) WITH ORDINALITY AS ordered(id, position)
      WHERE "Product"."id" = ordered.id AND "Product"."restaurantId" = ${restaurantId}::uuid`;
  });
  return { reordered: productIds.length };
}

/** Bulk "sold out" (or back in stock, or hidden). Ids of another restaurant are refused, and nothing changes. */
export async function setAvailability(db: Db, restaurantId: string, productIds: string[], availability: Availability) {
  const unique = [...new Set(productIds)];
  return db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({ where: { id: { in: unique }, restaurantId }, data: { availability } });
    if (count !== unique.length) throw notFound("Product");
    return { updated: count };
  });
}
