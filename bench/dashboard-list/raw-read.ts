import type pg from "pg";

// The baseline: what the dashboard's product list needs from PostgreSQL, asked with `pg` directly, in the fewest
// statements the procedure could use (the session's user, the restaurant's ownership, then the page of products
// with each one's category, first photo and 3D model status in one query). No HTTP, no Next, no tRPC, no Prisma.

export type RawReadInput = { userId: string; restaurantId: string; limit: number };

const USER = `SELECT id, role FROM "User" WHERE id = $1 AND "authProvider" = 'LOCAL' AND "deletedAt" IS NULL`;
const OWNED = `SELECT id, "reviewState" FROM "Restaurant" WHERE id = $1 AND "ownerId" = $2`;
const PAGE = `
  SELECT p.*,
    json_build_object('id', c.id, 'name', c.name) AS category,
    (SELECT coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'url', m.url, 'thumbnailUrl', m."thumbnailUrl", 'altText', m."altText")), '[]')
       FROM (SELECT * FROM "ProductMedia" WHERE "productId" = p.id ORDER BY position LIMIT 1) m) AS media,
    (SELECT json_build_object('id', d.id, 'status', d.status) FROM "Model3D" d WHERE d."productId" = p.id) AS model
  FROM "Product" p JOIN "Category" c ON c.id = p."categoryId"
  WHERE p."restaurantId" = $1
  ORDER BY c.position, p.position, p.id
  LIMIT $2`;

/** The ids of the page, in order, so the caller can check it read what the procedure answers. */
export async function rawRead(pool: pg.Pool, input: RawReadInput): Promise<string[]> {
  const user = await pool.query(USER, [input.userId]);
  if (user.rowCount !== 1) throw new Error("The bench owner is missing.");
  const owned = await pool.query(OWNED, [input.restaurantId, input.userId]);
  if (owned.rowCount !== 1) throw new Error("The bench restaurant is not the owner's.");
  // One more than the page, as the procedure asks, to know whether there is a next page.
  const page = await pool.query<{ id: string }>(PAGE, [input.restaurantId, input.limit + 1]);
  return page.rows.slice(0, input.limit).map((row) => row.id);
}
