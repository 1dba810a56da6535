import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { CACHE_TAG_CHANNEL } from "~/server/cache/cache-tag-channel.mjs";
import { menuSlugTag } from "~/server/cache/menu-cache";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// What every app instance's cache handler relies on: a change to a menu leaves a row and sends a NOTIFY naming
// the menu's slug tag, when (and only when) the change commits.

let t: TestDatabase;
let owner: User;
let admin: User;
let listener: pg.Client;
const heard: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db);
  admin = await createUser(t.db, { role: "ADMIN" });
  listener = new pg.Client({ connectionString: t.url });
  await listener.connect();
  listener.on("notification", (message) => {
    if (message.channel === CACHE_TAG_CHANNEL && message.payload) heard.push(message.payload);
  });
  await listener.query(`LISTEN ${CACHE_TAG_CHANNEL}`);
});

afterAll(async () => {
  await listener.end();
});

/** Waits until the notifications sent so far have arrived; a round trip on the listening connection flushes them. */
async function heardSince(mark: number): Promise<string[]> {
  await listener.query("SELECT 1");
  await new Promise((resolve) => setTimeout(resolve, 50));
  return heard.slice(mark);
}

const revalidatedAt = async (tag: string) =>
  (await t.db.cacheTagRevalidation.findUnique({ where: { tag } }))?.revalidatedAt ?? null;

describe("menu cache tags", () => {
  it("a menu edit announces the restaurant's slug tag, with a row", async () => {
    const restaurant = await createRestaurant(t.db, owner.id, { slug: "tagged-grill" });
    const mark = heard.length;
    await callerFor(t.db, sessionOf(owner)).menu.categories.create({ restaurantId: restaurant.id, name: "Starters" });
    expect(await heardSince(mark)).toEqual([menuSlugTag("tagged-grill")]);
    expect(await revalidatedAt(menuSlugTag("tagged-grill"))).toBeInstanceOf(Date);
  });

  it("a refused edit announces nothing", async () => {
    const restaurant = await createRestaurant(t.db, owner.id);
    const mark = heard.length;
    await expect(callerFor(t.db, sessionOf(owner)).menu.categories.create({ restaurantId: restaurant.id, name: "" })).rejects.toThrow();
    await expect(
      callerFor(t.db, sessionOf(owner)).menu.categories.rename({ restaurantId: restaurant.id, categoryId: crypto.randomUUID(), name: "Nope" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await heardSince(mark)).toEqual([]);
    expect(await revalidatedAt(menuSlugTag(restaurant.slug))).toBeNull();
  });

  it("a slug change announces the old address and the new one", async () => {
    const restaurant = await createRestaurant(t.db, owner.id, { slug: "old-address" });
    const mark = heard.length;
    await callerFor(t.db, sessionOf(owner)).restaurants.update({
      restaurantId: restaurant.id,
      name: restaurant.name,
      slug: "new-address",
    });
    expect((await heardSince(mark)).toSorted()).toEqual([menuSlugTag("new-address"), menuSlugTag("old-address")]);
  });

  it("approval announces the menu and queues the announcement of the trial's end for that moment", async () => {
    const restaurant = await createRestaurant(t.db, owner.id, { slug: "approved-place", reviewState: "PENDING" });
    const now = new Date("2026-11-22T10:00:00.000Z");
    const mark = heard.length;
    await callerFor(t.db, sessionOf(admin), () => now).admin.approve({ restaurantId: restaurant.id });
    expect(await heardSince(mark)).toEqual([menuSlugTag("approved-place")]);
    const jobs = await t.db.$queryRaw<{ data: unknown; start_after: Date }[]>`
      SELECT data, start_after FROM pgboss.job WHERE name = 'menu-access-ends'`;
    expect(jobs).toEqual([{ data: { restaurantId: restaurant.id }, start_after: new Date("2026-11-29T10:00:00.000Z") }]);
  });
});
