import type { z } from "zod";
import type { Db } from "~/server/db-client";
import { Prisma, type Category, type Model3D, type Product, type ProductMedia } from "~/generated/prisma/client";
import { cursorPage } from "~/server/services/shared/cursor-page";
import type { listProductsSchema } from "~/schemas/menu";

// The menu editor's product list, in ONE statement whatever the page: the products with their category, first photo
// and model status. Prisma's `include` costs a query per relation (4 in all), and its `cursor` makes even the
// relationJoins preview fall back to that on every page after the first, so the query is written here. It returns
// exactly what `findMany({ include: { category, media: take 1, model } })` did. The restaurant id has been checked
// against the owner by the procedure; a cursor of another restaurant finds nothing, as with Prisma's cursor.
//
// Keep the column list in step with the Product model (prisma/schema.prisma): a column added there and not here is
// missing from the list; the typecheck cannot see raw SQL.

type ListFilter = Omit<z.output<typeof listProductsSchema>, "restaurantId" | "direction">;

export type ListedProduct = Product & {
  category: Pick<Category, "id" | "name">;
  media: Array<Pick<ProductMedia, "id" | "kind" | "url" | "thumbnailUrl" | "altText">>;
  model: Pick<Model3D, "id" | "status"> | null;
};

/** ILIKE takes "%" and "_" as wildcards: typed into the search box they must match themselves. */
const literally = (search: string) => search.replace(/[\\%_]/g, (character) => `\\${character}`);

export async function listProducts(db: Db, restaurantId: string, filter: ListFilter) {
  const where = [
    Prisma.sql`p."restaurantId" = ${restaurantId}::uuid`,
    ...(filter.categoryId ? [Prisma.sql`p."categoryId" = ${filter.categoryId}::uuid`] : []),
    ...(filter.availability ? [Prisma.sql`p."availability" = ${filter.availability}::"Availability"`] : []),
    ...(filter.dietaryTag ? [Prisma.sql`${filter.dietaryTag}::"DietaryTag" = ANY(p."dietaryTags")`] : []),
    ...(filter.search ? [Prisma.sql`p."name" ILIKE '%' || ${literally(filter.search)} || '%'`] : []),
    // Keyset paging in menu order; a cursor that names no product yields an empty page.
    ...(filter.cursor
      ? [
          Prisma.sql`(c."position", p."position", p."id") > (
            SELECT cc."position", cp."position", cp."id" FROM "Product" cp JOIN "Category" cc ON cc."id" = cp."categoryId"
            WHERE cp."id" = ${filter.cursor}::uuid)`,
        ]
      : []),
  ];
  const rows = await db.$queryRaw<ListedProduct[]>`
    SELECT p."id", p."restaurantId", p."categoryId", p."name", p."description", p."priceMinor",
      p."availability"::text AS "availability", p."dietaryTags"::text[] AS "dietaryTags", p."spiceLevel",
      p."allergens"::text[] AS "allergens", p."calories", p."portionSize", p."position", p."createdAt", p."updatedAt",
      json_build_object('id', c."id", 'name', c."name") AS "category",
      coalesce((
        SELECT json_agg(json_build_object('id', m."id", 'kind', m."kind", 'url', m."url", 'thumbnailUrl', m."thumbnailUrl", 'altText', m."altText"))
        FROM (SELECT * FROM "ProductMedia" WHERE "productId" = p."id" ORDER BY "position" LIMIT 1) m
      ), '[]'::json) AS "media",
      (SELECT json_build_object('id', d."id", 'status', d."status") FROM "Model3D" d WHERE d."productId" = p."id") AS "model"
    FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY c."position", p."position", p."id"
    LIMIT ${filter.limit + 1}`;
  return cursorPage(rows, filter.limit);
}
