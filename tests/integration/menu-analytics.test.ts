import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { MenuEvent } from "~/generated/prisma/enums";
import type { Restaurant, User } from "~/generated/prisma/client";
import type { Context } from "~/server/api/trpc";
import { recordMenuEvents } from "~/server/services/analytics/record-menu-events";
import { seedDemoData } from "../../prisma/seed";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";

let t: TestDatabase;
let seeded: TestDatabase;
let owner: User;
let otherOwner: User;
let restaurant: Restaurant;
let quiet: Restaurant;
const products: Record<string, string> = {};

// A fixed "now" so the default range and the recorded days do not depend on when the test runs.
const NOW = new Date("2026-06-15T21:30:00Z");
const now = () => NOW;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function menuStat(dayIso: string, event: MenuEvent, count: number, tableCode = "") {
  await t.db.menuDailyStat.create({ data: { restaurantId: restaurant.id, day: day(dayIso), tableCode, event, count } });
}

async function productStat(name: string, dayIso: string, event: MenuEvent, count: number, tableCode = "") {
  await t.db.productDailyStat.create({
    data: { restaurantId: restaurant.id, productId: products[name] ?? "", day: day(dayIso), tableCode, event, count },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  seeded = await createTestDatabase();
  owner = await createUser(t.db);
  otherOwner = await createUser(t.db);
  restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  quiet = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  await t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialEndsAt: new Date("2026-07-01T00:00:00Z") } });
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  let position = 0;
  for (const name of ["Karahi", "Biryani", "Nihari", "Haleem", "Kheer"]) {
    position += 1;
    const product = await t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name, priceMinor: 100_000, position } });
    products[name] = product.id;
  }
  await t.db.restaurantTable.createMany({
    data: [
      { restaurantId: restaurant.id, label: "Patio 1", code: "p1", position: 1 },
      { restaurantId: restaurant.id, label: "Window", code: "w1", position: 2 },
      { restaurantId: restaurant.id, label: "Upstairs", code: "u1", position: 3 },
    ],
  });

  // Views on three days of June; one outside the range asked for below, one of a table deleted since ("old7").
  await menuStat("2026-06-01", "MENU_VIEW", 4, "p1");
  await menuStat("2026-06-01", "MENU_VIEW", 2);
  await menuStat("2026-06-03", "MENU_VIEW", 5, "w1");
  await menuStat("2026-06-03", "MENU_VIEW", 1, "old7");
  await menuStat("2026-06-10", "MENU_VIEW", 7, "p1");
  await menuStat("2026-05-20", "MENU_VIEW", 100, "p1");
  await menuStat("2026-06-03", "MODEL_OPEN", 9, "w1");
  await menuStat("2026-06-03", "AR_LAUNCH", 3, "w1");
  await menuStat("2026-06-03", "PRODUCT_OPEN", 11, "w1");

  // Karahi: 5 3D + 1 AR = 6; Biryani: 2 + 4 = 6 (more AR, so first); Nihari 3D only over two days and tables;
  // Haleem only opened (not ranked); Kheer's big numbers fall outside the range.
  await productStat("Karahi", "2026-06-03", "MODEL_OPEN", 5, "w1");
  await productStat("Karahi", "2026-06-03", "AR_LAUNCH", 1, "w1");
  await productStat("Karahi", "2026-06-03", "PRODUCT_OPEN", 8, "w1");
  await productStat("Biryani", "2026-06-03", "MODEL_OPEN", 2, "w1");
  await productStat("Biryani", "2026-06-03", "AR_LAUNCH", 2, "w1");
  await productStat("Biryani", "2026-06-10", "AR_LAUNCH", 2, "p1");
  await productStat("Nihari", "2026-06-01", "MODEL_OPEN", 1);
  await productStat("Nihari", "2026-06-03", "MODEL_OPEN", 1, "p1");
  await productStat("Haleem", "2026-06-03", "PRODUCT_OPEN", 3, "w1");
  await productStat("Kheer", "2026-05-20", "MODEL_OPEN", 50, "p1");
});

const ownerCaller = () => callerFor(t.db, sessionOf(owner), now);
const ownerContext = (): Context => ({ db: t.db, session: sessionOf(owner), requestId: "test", now });

describe("analytics.summary", () => {
  it("fills every day of the range, zeros included, and totals each event within it", async () => {
    const summary = await ownerCaller().analytics.summary({ restaurantId: restaurant.id, from: "2026-05-31", to: "2026-06-11" });
    expect(summary.from).toBe("2026-05-31");
    expect(summary.viewsPerDay).toHaveLength(12);
    expect(summary.viewsPerDay[0]).toEqual({ day: "2026-05-31", views: 0 });
    expect(summary.viewsPerDay.filter((row) => row.views > 0)).toEqual([
      { day: "2026-06-01", views: 6 },
      { day: "2026-06-03", views: 6 },
      { day: "2026-06-10", views: 7 },
    ]);
    expect(summary.viewsPerDay.at(-1)).toEqual({ day: "2026-06-11", views: 0 });
    expect(summary.totals).toEqual({ MENU_VIEW: 19, PRODUCT_OPEN: 11, MODEL_OPEN: 9, AR_LAUNCH: 3 });
  });

  it("ranks products by 3D opens plus AR launches, then AR launches, leaving out products never opened in 3D", async () => {
    const { topProducts } = await ownerCaller().analytics.summary({ restaurantId: restaurant.id, from: "2026-06-01", to: "2026-06-30" });
    expect(topProducts).toEqual([
      { productId: products.Biryani, name: "Biryani", modelOpens: 2, arLaunches: 4, productOpens: 0 },
      { productId: products.Karahi, name: "Karahi", modelOpens: 5, arLaunches: 1, productOpens: 8 },
      { productId: products.Nihari, name: "Nihari", modelOpens: 2, arLaunches: 0, productOpens: 0 },
    ]);
  });

  it("shows at most ten products", async () => {
    const other = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
    const category = await t.db.category.create({ data: { restaurantId: other.id, name: "Mains", position: 1 } });
    for (let index = 1; index <= 12; index += 1) {
      const product = await t.db.product.create({ data: { restaurantId: other.id, categoryId: category.id, name: `Dish ${index}`, priceMinor: 100, position: index } });
      await t.db.productDailyStat.create({ data: { restaurantId: other.id, productId: product.id, day: day("2026-06-10"), event: "MODEL_OPEN", count: index } });
    }
    const { topProducts } = await ownerCaller().analytics.summary({ restaurantId: other.id });
    expect(topProducts.map((product) => product.name)).toEqual(Array.from({ length: 10 }, (_, index) => `Dish ${12 - index}`));
  });

  it("labels views per table: the owner's tables by label (unviewed too), the direct link, and a deleted table by its code", async () => {
    const { viewsPerTable } = await ownerCaller().analytics.summary({ restaurantId: restaurant.id, from: "2026-06-01", to: "2026-06-30" });
    expect(viewsPerTable).toEqual([
      { tableCode: "p1", label: "Patio 1", kind: "TABLE", views: 11 },
      { tableCode: "w1", label: "Window", kind: "TABLE", views: 5 },
      { tableCode: "", label: "No table (direct link)", kind: "DIRECT", views: 2 },
      { tableCode: "old7", label: "old7", kind: "DELETED", views: 1 },
      { tableCode: "u1", label: "Upstairs", kind: "TABLE", views: 0 },
    ]);
  });

  it("covers the 30 days up to today (UTC) when no range is given", async () => {
    const summary = await ownerCaller().analytics.summary({ restaurantId: restaurant.id });
    expect(summary).toMatchObject({ from: "2026-05-17", to: "2026-06-15" });
    expect(summary.viewsPerDay).toHaveLength(30);
    expect(summary.totals.MENU_VIEW).toBe(119);
    const onlyFrom = await ownerCaller().analytics.summary({ restaurantId: restaurant.id, from: "2026-06-10" });
    expect(onlyFrom).toMatchObject({ from: "2026-06-10", to: "2026-06-15" });
  });

  it("answers a restaurant without any counts with zeros, not an error", async () => {
    const summary = await ownerCaller().analytics.summary({ restaurantId: quiet.id, from: "2026-06-01", to: "2026-06-07" });
    expect(summary.viewsPerDay).toEqual(Array.from({ length: 7 }, (_, index) => ({ day: `2026-06-0${index + 1}`, views: 0 })));
    expect(summary).toMatchObject({ totals: { MENU_VIEW: 0, PRODUCT_OPEN: 0, MODEL_OPEN: 0, AR_LAUNCH: 0 }, topProducts: [], viewsPerTable: [] });
  });

  it("shows what the beacon recorded, on the day it was recorded", async () => {
    const at = new Date("2026-06-14T23:59:00Z");
    await recordMenuEvents(
      t.db,
      { restaurantId: restaurant.id, table: "u1", events: [{ type: "MENU_VIEW" }, { type: "AR_LAUNCH", productId: products.Haleem ?? "" }] },
      at,
    );
    const summary = await ownerCaller().analytics.summary({ restaurantId: restaurant.id, from: "2026-06-14", to: "2026-06-14" });
    expect(summary.viewsPerDay).toEqual([{ day: "2026-06-14", views: 1 }]);
    expect(summary.viewsPerTable[0]).toEqual({ tableCode: "u1", label: "Upstairs", kind: "TABLE", views: 1 });
    expect(summary.topProducts).toEqual([{ productId: products.Haleem, name: "Haleem", modelOpens: 0, arLaunches: 1, productOpens: 0 }]);
  });

  it("is NOT_FOUND for another owner's restaurant, and UNAUTHORIZED without a session", async () => {
    const stranger = callerFor(t.db, sessionOf(otherOwner), now);
    await expect(stranger.analytics.summary({ restaurantId: restaurant.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const anonymous = callerFor(t.db, null, now);
    await expect(anonymous.analytics.summary({ restaurantId: restaurant.id })).rejects.toBeInstanceOf(TRPCError);
    await expect(anonymous.analytics.summary({ restaurantId: restaurant.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it.each([
    ["an end before the start", { from: "2026-06-10", to: "2026-06-01" }, "to", "The end date must be on or after the start date"],
    ["367 days", { from: "2025-06-01", to: "2026-06-02" }, "from", "Choose at most 366 days"],
    ["a start so early that the range up to today is too long", { from: "2025-01-01" }, "from", "Choose at most 366 days"],
    ["a date that does not exist", { from: "2026-02-30", to: "2026-03-02" }, "from", "This date does not exist"],
    ["a date in another format", { from: "01/06/2026", to: "2026-06-02" }, "from", "Use a date like 2026-05-31"],
    ["a date that is not a string", { to: 20260602 }, "to", "Choose a date"],
  ])("refuses %s with 400 and the message on the field", async (_label, range, field, message) => {
    const result = await callOverHttp(ownerContext(), "analytics.summary", { restaurantId: restaurant.id, ...range });
    expect(result.status).toBe(400);
    expect(result.error?.data.code).toBe("BAD_REQUEST");
    expect(result.error?.data.fieldErrors?.[field]).toEqual([message]);
  });

  it("accepts exactly 366 days", async () => {
    const summary = await ownerCaller().analytics.summary({ restaurantId: restaurant.id, from: "2025-06-15", to: "2026-06-15" });
    expect(summary.viewsPerDay).toHaveLength(366);
  });

  it("has a few days of demo counts for the seeded live menu, from its approval on, and no 3D counts (no demo models)", async () => {
    const seededAt = new Date("2026-06-15T10:00:00Z");
    expect(await seedDemoData(seeded.db, seededAt)).toBe(true);
    const grill = await seeded.db.restaurant.findUniqueOrThrow({ where: { slug: "karachi-grill" } });
    const summary = await callerFor(seeded.db, sessionOf({ id: grill.ownerId, role: "OWNER" }), () => seededAt).analytics.summary({ restaurantId: grill.id, from: "2026-06-01", to: "2026-06-15" });
    expect(summary.viewsPerDay.filter((row) => row.views > 0).map((row) => row.day)).toEqual(["2026-06-13", "2026-06-14", "2026-06-15"]);
    expect(summary.totals.PRODUCT_OPEN).toBeGreaterThan(0);
    expect(summary.totals).toMatchObject({ MODEL_OPEN: 0, AR_LAUNCH: 0 });
    expect(summary.viewsPerTable.find((row) => row.kind === "DIRECT")?.views).toBeGreaterThan(0);
    const pending = await seeded.db.restaurant.findUniqueOrThrow({ where: { slug: "lahore-chai-house" } });
    expect(await seeded.db.menuDailyStat.count({ where: { restaurantId: { not: grill.id } } })).toBe(
      await seeded.db.menuDailyStat.count({ where: { restaurant: { slug: "islamabad-bistro" } } }),
    );
    expect(await seeded.db.menuDailyStat.count({ where: { restaurantId: pending.id } })).toBe(0);
  });
});
