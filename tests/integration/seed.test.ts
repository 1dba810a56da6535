import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, SEED_ADMIN_EMAIL } from "../../prisma/seed";
import { trialDaysLeft } from "~/lib/trial";
import { callerFor, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-01T10:00:00.000Z");
let t: TestDatabase;
let fresh: TestDatabase;

async function counts(db: TestDatabase["db"]) {
  return {
    users: await db.user.count(),
    restaurants: await db.restaurant.count(),
    audit: await db.auditLog.count(),
    products: await db.product.count(),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  fresh = await createTestDatabase();
});

describe("demo seed", () => {
  it("fills a fresh database once; a second run returns false and writes nothing", async () => {
    expect(await seedDemoData(t.db, NOW)).toBe(true);
    const afterFirst = await counts(t.db);
    expect(afterFirst.restaurants).toBeGreaterThan(0);
    expect(await seedDemoData(t.db, new Date(NOW.getTime() + 60_000))).toBe(false);
    expect(await counts(t.db)).toEqual(afterFirst);
  });

  it("gives the approved demo restaurant a menu its owner can page through, with sold-out and hidden dishes", async () => {
    const grill = await t.db.restaurant.findUniqueOrThrow({ where: { slug: "karachi-grill" }, include: { owner: true } });
    const asOwner = callerFor(t.db, sessionOf(grill.owner));
    const categories = await asOwner.menu.categories.list({ restaurantId: grill.id });
    expect(categories.map((category) => category.name)).toEqual(["Starters", "From the grill", "Karahi", "Breads", "Drinks"]);
    const { items } = await asOwner.menu.products.list({ restaurantId: grill.id, limit: 100 });
    expect(items[0]).toMatchObject({ name: "Chicken Samosa", priceMinor: 35_000, category: { name: "Starters" } });
    expect(items.find((item) => item.name === "Chicken Tikka")?.priceMinor).toBe(145_050);
    expect(items.filter((item) => item.availability === "SOLD_OUT").map((item) => item.name)).toEqual(["Mutton Chops"]);
    expect(items.filter((item) => item.availability === "HIDDEN").map((item) => item.name)).toEqual(["Staff special"]);
  });

  it("has one admin and two owners", async () => {
    const users = await t.db.user.findMany({ orderBy: { email: "asc" } });
    expect(users.filter((user) => user.role === "ADMIN").map((user) => user.email)).toEqual([SEED_ADMIN_EMAIL]);
    expect(users.filter((user) => user.role === "OWNER")).toHaveLength(2);
    expect(users.every((user) => user.authProvider === "LOCAL")).toBe(true);
  });

  it("has a restaurant in every review state, each consistent with its state", async () => {
    const restaurants = await t.db.restaurant.findMany();
    expect(new Set(restaurants.map((restaurant) => restaurant.reviewState))).toEqual(
      new Set(["DRAFT", "PENDING", "APPROVED", "REJECTED", "SUSPENDED"]),
    );
    for (const restaurant of restaurants) {
      const label = `${restaurant.name} (${restaurant.reviewState})`;
      if (restaurant.reviewState === "REJECTED" || restaurant.reviewState === "SUSPENDED") expect(restaurant.reviewReason, label).toBeTruthy();
      if (restaurant.reviewState === "APPROVED") {
        expect(restaurant.trialEndsAt, label).not.toBeNull();
        expect(restaurant.trialEndsAt?.getTime(), label).toBe((restaurant.trialStartsAt?.getTime() ?? 0) + 7 * 24 * 60 * 60 * 1000);
      }
      if (restaurant.reviewState === "DRAFT") expect(restaurant.submittedAt, label).toBeNull();
      if (restaurant.reviewState !== "DRAFT") expect(restaurant.submittedAt, label).not.toBeNull();
    }
    // An approved restaurant still in its trial, so the dashboard shows days left.
    const approved = restaurants.filter((restaurant) => restaurant.reviewState === "APPROVED");
    expect(approved.some((restaurant) => trialDaysLeft(restaurant.trialEndsAt, NOW) > 0)).toBe(true);
  });

  it("is usable through the app: the admin sees the queue, an owner sees only their restaurants", async () => {
    const admin = await t.db.user.findFirstOrThrow({ where: { email: SEED_ADMIN_EMAIL } });
    const queue = await callerFor(t.db, sessionOf(admin), () => NOW).admin.reviewQueue();
    expect(queue.length).toBeGreaterThan(0);
    const owner = await t.db.user.findFirstOrThrow({ where: { role: "OWNER" }, orderBy: { email: "asc" } });
    const mine = await callerFor(t.db, sessionOf(owner), () => NOW).restaurants.list();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((restaurant) => restaurant.ownerId === owner.id)).toBe(true);
  });

  it("two launchers seeding one fresh database at once: exactly one seeds", async () => {
    const results = await Promise.all([seedDemoData(fresh.db, NOW), seedDemoData(fresh.db, NOW)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await counts(fresh.db)).toEqual(await counts(t.db));
  });
});
