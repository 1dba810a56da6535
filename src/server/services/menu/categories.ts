import type { z } from "zod";
import type { Db } from "~/server/db-client";
import { invalidInput, notFound } from "~/server/errors";
import type { deleteCategorySchema } from "~/schemas/menu";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { enqueueProductFiles } from "~/server/services/files/file-deletions";

// Every function takes the restaurant id that the owner-of-restaurant procedure has already checked, and
// keeps it in each query: a category id of another restaurant is simply not found.

export async function listCategories(db: Db, restaurantId: string) {
  return db.category.findMany({
    where: { restaurantId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { _count: { select: { products: true } } },
  });
}

export async function createCategory(db: Db, restaurantId: string, name: string) {
  return db.$transaction(async (tx) => {
    const last = await tx.category.aggregate({ where: { restaurantId }, _max: { position: true } });
    return tx.category.create({ data: { restaurantId, name, position: (last._max.position ?? -1) + 1 } });
  });
}

export async function renameCategory(db: Db, restaurantId: string, categoryId: string, name: string) {
  const { count } = await db.category.updateMany({ where: { id: categoryId, restaurantId }, data: { name } });
  if (count === 0) throw notFound("Category");
  return db.category.findUniqueOrThrow({ where: { id: categoryId } });
}

type DeleteCategoryInput = Pick<z.output<typeof deleteCategorySchema>, "categoryId" | "products">;

export async function deleteCategory(db: Db, restaurantId: string, input: DeleteCategoryInput) {
  const result = await db.$transaction(async (tx) => {
    const category = await tx.category.findFirst({
      where: { id: input.categoryId, restaurantId },
      include: { _count: { select: { products: true } } },
    });
    if (!category) throw notFound("Category");
    const productCount = category._count.products;
    if (productCount > 0 && !input.products) {
      throw invalidInput(
        `“${category.name}” has ${productCount} ${productCount === 1 ? "product" : "products"}: move them to another category or delete them with it`,
        { products: ["Choose what happens to the products in this category"] },
      );
    }
    if (productCount > 0 && input.products?.action === "move") {
      const target = await tx.category.findFirst({ where: { id: input.products.toCategoryId, restaurantId } });
      if (!target || target.id === category.id) throw invalidInput("Choose another category of this restaurant", { toCategoryId: ["Choose another category"] });
      const last = await tx.product.aggregate({ where: { categoryId: target.id }, _max: { position: true } });
      const moving = await tx.product.findMany({ where: { categoryId: category.id }, orderBy: { position: "asc" }, select: { id: true } });
      const start = (last._max.position ?? -1) + 1;
      await tx.$executeRaw`
        UPDATE "Product" SET "categoryId" = ${target.id}::uuid, "position" = ${start} + ordered.position - 1, "updatedAt" = now()
        FROM unnest(${moving.map((product) => product.id)}::uuid[]) WITH ORDINALITY AS ordered(id, position)
        WHERE "Product"."id" = ordered.id`;
    } else if (productCount > 0) {
      const deleting = await tx.product.findMany({ where: { categoryId: category.id, restaurantId }, select: { id: true } });
      await enqueueProductFiles(tx, restaurantId, deleting.map((product) => product.id));
      await tx.product.deleteMany({ where: { categoryId: category.id, restaurantId } });
    }
    await tx.category.delete({ where: { id: category.id } });
    return { deletedProducts: input.products?.action === "delete" ? productCount : 0 };
  });
  if (result.deletedProducts > 0) requestFileDeletions();
  return result;
}

/** The new order must name every category of the restaurant exactly once, so no position is left ambiguous. */
export async function reorderCategories(db: Db, restaurantId: string, categoryIds: string[]) {
  return db.$transaction(async (tx) => {
    const existing = await tx.category.findMany({ where: { restaurantId }, select: { id: true } });
    const known = new Set(existing.map((category) => category.id));
    if (categoryIds.length !== known.size || categoryIds.some((id) => !known.has(id))) {
      throw invalidInput("The list must contain every category of this restaurant exactly once; reload and try again", {
        categoryIds: ["Reload the menu and try again"],
      });
    }
    // One statement for the whole list, however long.
    await tx.$executeRaw`
      UPDATE "Category" SET "position" = ordered.position, "updatedAt" = now()
      FROM unnest(${categoryIds}::uuid[]) WITH ORDINALITY AS ordered(id, position)
      WHERE "Category"."id" = ordered.id AND "Category"."restaurantId" = ${restaurantId}::uuid`;
  }).then(() => listCategories(db, restaurantId));
}
