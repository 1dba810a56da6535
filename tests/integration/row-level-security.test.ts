import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import { adminProcedure, createCallerFactory, createTRPCRouter, protectedProcedure, publicProcedure } from "~/server/api/trpc";
import { runAsOwner, runAsSystem } from "~/server/db/db-scope";
import { TENANT_ROLE } from "~/server/db/scoped-pool";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Tables that hold nobody's rows: cache tags are public slugs, and the migration history is Prisma's.
const SHARED_TABLES = ["CacheTagRevalidation", "_prisma_migrations"];

let t: TestDatabase;
let raw: pg.Client;
let ownerA: User;
let ownerB: User;
let restaurantOfA: Restaurant;
let restaurantOfB: Restaurant;

beforeAll(async () => {
  t = await createTestDatabase();
  ownerA = await createUser(t.db, { email: "rls-a@example.com" });
  ownerB = await createUser(t.db, { email: "rls-b@example.com" });
  restaurantOfA = await createRestaurant(t.db, ownerA.id, { name: "A's Grill" });
  restaurantOfB = await createRestaurant(t.db, ownerB.id, { name: "B's Diner" });
  for (const restaurant of [restaurantOfA, restaurantOfB]) {
    const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 0 } });
    for (let i = 0; i < 3; i++) {
      const product = await t.db.product.create({
        data: { restaurantId: restaurant.id, categoryId: category.id, name: `${restaurant.name} dish ${i}`, priceMinor: 1000, position: i },
      });
      await t.db.productMedia.create({
        data: { productId: product.id, kind: "IMAGE", provider: "LOCAL", providerKey: product.id, url: `/media/${product.id}.webp`, bytes: 10, position: 0 },
      });
    }
    await t.db.restaurantTable.create({ data: { restaurantId: restaurant.id, label: "Table 1", code: `t-${restaurant.id.slice(0, 8)}`, position: 0 } });
    await t.db.auditLog.create({
      data: { actorId: restaurant.ownerId, action: "restaurant.submitted", targetType: "Restaurant", targetId: restaurant.id },
    });
  }
  raw = new pg.Client({ connectionString: t.url });
  await raw.connect();
});

afterAll(async () => {
  await raw.end();
});

/** Runs statements as the role owner requests use, in a transaction that is always rolled back. */
async function asTenantRole<T>(userId: string | null, work: () => Promise<T>): Promise<T> {
  await raw.query("BEGIN");
  try {
    await raw.query(`SET LOCAL ROLE ${TENANT_ROLE}`);
    if (userId) await raw.query("SELECT set_config('app.user_id', $1, true)", [userId]);
    return await work();
  } finally {
    await raw.query("ROLLBACK");
  }
}

async function tenantTables(): Promise<string[]> {
  const { rows } = await raw.query<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname`,
  );
  return rows.map((row) => row.relname).filter((name) => !SHARED_TABLES.includes(name));
}

const count = async (table: string, where = "TRUE", values: unknown[] = []) =>
  Number((await raw.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`, values)).rows[0]?.n);

describe("row-level security", () => {
  it("is on, with a policy, for every table that holds a tenant's rows", async () => {
    const { rows } = await raw.query<{ relname: string; relrowsecurity: boolean; policies: string }>(
      `SELECT c.relname, c.relrowsecurity, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`,
    );
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(19);
    for (const table of tables) {
      const row = rows.find((candidate) => candidate.relname === table);
      expect({ table, rls: row?.relrowsecurity, policies: Number(row?.policies) > 0 }).toEqual({ table, rls: true, policies: true });
    }
  });

  it("shows no tenant row at all to a query that did not set whom it acts for", async () => {
    const seen = await asTenantRole(null, async () => {
      const counts: Record<string, number> = {};
      for (const table of await tenantTables()) counts[table] = await count(table);
      return counts;
    });
    expect(Object.values(seen).every((n) => n === 0)).toBe(true);
    // The data is there: the login role, which owns the tables, sees it.
    expect(await count("Product")).toBe(6);
  });

  it("keeps owner B's rows from owner A's context even through raw SQL naming them", async () => {
    await asTenantRole(ownerA.id, async () => {
      expect(await count("Product", `"restaurantId" = $1`, [restaurantOfB.id])).toBe(0);
      expect(await count("Restaurant", `"id" = $1`, [restaurantOfB.id])).toBe(0);
      expect(await count("ProductMedia")).toBe(3);
      expect(await count("User")).toBe(1);
      expect(await count("AuditLog")).toBe(1);
      expect(await count("Product")).toBe(3);

      const renamed = await raw.query(`UPDATE "Product" SET "name" = 'pwned' WHERE "restaurantId" = $1`, [restaurantOfB.id]);
      expect(renamed.rowCount).toBe(0);
      const deleted = await raw.query(`DELETE FROM "RestaurantTable" WHERE "restaurantId" = $1`, [restaurantOfB.id]);
      expect(deleted.rowCount).toBe(0);
      await raw.query("SAVEPOINT planted");
      await expect(
        raw.query(`INSERT INTO "Category" ("id", "restaurantId", "name", "position", "updatedAt") VALUES (gen_random_uuid(), $1, 'Planted', 9, now())`, [
          restaurantOfB.id,
        ]),
      ).rejects.toThrow(/row-level security/);
      await raw.query("ROLLBACK TO SAVEPOINT planted");
      await expect(raw.query(`UPDATE "Restaurant" SET "ownerId" = $1 WHERE "id" = $2`, [ownerB.id, restaurantOfA.id])).rejects.toThrow(
        /row-level security/,
      );
    });
    expect(await count("Product", `"name" = 'pwned'`)).toBe(0);
  });

  it("scopes the app's own client: an owner's unfiltered query returns only their rows, the system scope all", async () => {
    const asA = await runAsOwner(ownerA.id, () => t.db.product.findMany({ select: { restaurantId: true } }));
    expect(asA).toHaveLength(3);
    expect(new Set(asA.map((product) => product.restaurantId))).toEqual(new Set([restaurantOfA.id]));
    const rawAsA = await runAsOwner(ownerA.id, () => t.db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Restaurant" WHERE "id" = ${restaurantOfB.id}::uuid`);
    expect(rawAsA).toEqual([]);
    const inTransaction = await runAsOwner(ownerB.id, () => t.db.$transaction((tx) => tx.restaurant.findMany({ select: { id: true } })));
    expect(inTransaction).toEqual([{ id: restaurantOfB.id }]);
    expect(await runAsSystem(() => t.db.product.count())).toBe(6);
    expect(await t.db.product.count()).toBe(6);
  });

  it("never hands one owner's connection scope to another, with far more concurrent work than connections", async () => {
    const owners = [ownerA, ownerB];
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => {
        const owner = owners[i % 2]!;
        return runAsOwner(owner.id, async () => {
          const restaurants = i % 3 === 0
            ? await t.db.$transaction(async (tx) => tx.restaurant.findMany({ select: { ownerId: true } }))
            : await t.db.restaurant.findMany({ select: { ownerId: true } });
          return { owner: owner.id, seen: restaurants.map((restaurant) => restaurant.ownerId) };
        });
      }),
    );
    for (const result of results) expect(result.seen).toEqual([result.owner]);
    // And the connections went back to system work afterwards.
    expect(await t.db.restaurant.count()).toBe(2);
  });

  it("runs every signed-in procedure as the owner and admin procedures through the bypass", async () => {
    const whoAmI = (db: TestDatabase["db"]) =>
      db.$queryRaw<{ role: string; userId: string }[]>`SELECT current_user AS role, current_setting('app.user_id', true) AS "userId"`.then(
        (rows) => rows[0],
      );
    const probe = createCallerFactory(
      createTRPCRouter({
        asOwner: protectedProcedure.query(({ ctx }) => whoAmI(ctx.db)),
        asAdmin: adminProcedure.query(({ ctx }) => whoAmI(ctx.db)),
        asGuest: publicProcedure.query(({ ctx }) => whoAmI(ctx.db)),
      }),
    );
    const admin = await createUser(t.db, { role: "ADMIN" });
    const context = (user: User | null) => ({ db: t.db, session: user ? sessionOf(user) : null, requestId: "rls", now: () => new Date() });
    expect(await probe(context(ownerA)).asOwner()).toEqual({ role: TENANT_ROLE, userId: ownerA.id });
    expect(await probe(context(admin)).asAdmin()).not.toMatchObject({ role: TENANT_ROLE });
    expect(await probe(context(null)).asGuest()).not.toMatchObject({ role: TENANT_ROLE });
  });

  it("still answers an owner's own dashboard, and another owner's restaurant id is simply not found", async () => {
    const asA = callerFor(t.db, sessionOf(ownerA));
    const mine = await asA.restaurants.list();
    expect(mine.map((restaurant) => restaurant.id)).toEqual([restaurantOfA.id]);
    await expect(asA.menu.products.list({ restaurantId: restaurantOfB.id, limit: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
