import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient, type Restaurant, type User } from "~/generated/prisma/client";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callByPath, callOverHttp, procedurePaths } from "../helpers/trpc-http";

let t: TestDatabase;
let owner: User;
let stranger: User;
let restaurant: Restaurant;
let strangersRestaurant: Restaurant;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "menu-owner@example.com" });
  stranger = await createUser(t.db, { email: "menu-stranger@example.com" });
  restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  strangersRestaurant = await createRestaurant(t.db, stranger.id, { reviewState: "APPROVED" });
});

const asOwner = () => callerFor(t.db, sessionOf(owner));
const asStranger = () => callerFor(t.db, sessionOf(stranger));

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome === null) throw new Error("expected the call to fail");
  if (!(outcome instanceof TRPCError)) throw outcome;
  return outcome;
}

const dish = (name: string, overrides: Record<string, unknown> = {}) => ({ name, priceMinor: 125_000, ...overrides });

async function categoryWith(restaurantId: string, name: string, products: string[], caller = asOwner()) {
  const category = await caller.menu.categories.create({ restaurantId, name });
  const created = [];
  for (const product of products) {
    created.push(await caller.menu.products.create({ restaurantId, categoryId: category.id, ...dish(product) }));
  }
  return { category, products: created };
}

describe("categories", () => {
  it("are created in order, renamed and reordered", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const starters = await asOwner().menu.categories.create({ restaurantId: r.id, name: " Starters " });
    const mains = await asOwner().menu.categories.create({ restaurantId: r.id, name: "Mains" });
    await asOwner().menu.categories.rename({ restaurantId: r.id, categoryId: starters.id, name: "Small plates" });
    expect((await asOwner().menu.categories.list({ restaurantId: r.id })).map((c) => c.name)).toEqual(["Small plates", "Mains"]);

    await asOwner().menu.categories.reorder({ restaurantId: r.id, categoryIds: [mains.id, starters.id] });
    expect((await asOwner().menu.categories.list({ restaurantId: r.id })).map((c) => c.name)).toEqual(["Mains", "Small plates"]);
  });

  it("a reorder that leaves a category out is refused and changes nothing", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const a = await asOwner().menu.categories.create({ restaurantId: r.id, name: "A" });
    await asOwner().menu.categories.create({ restaurantId: r.id, name: "B" });
    const error = await errorOf(asOwner().menu.categories.reorder({ restaurantId: r.id, categoryIds: [a.id] }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/every category of this restaurant exactly once/);
    expect((await asOwner().menu.categories.list({ restaurantId: r.id })).map((c) => c.name)).toEqual(["A", "B"]);
  });

  it("deleting a category with products asks what to do with them, then moves or deletes them", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { category: drinks } = await categoryWith(r.id, "Drinks", ["Lassi", "Chai"]);
    const { category: desserts, products: [kheer] } = await categoryWith(r.id, "Desserts", ["Kheer"]);

    const refused = await errorOf(asOwner().menu.categories.delete({ restaurantId: r.id, categoryId: drinks.id }));
    expect(refused.message).toBe("“Drinks” has 2 products: move them to another category or delete them with it");
    expect(await t.db.product.count({ where: { categoryId: drinks.id } })).toBe(2);

    await asOwner().menu.categories.delete({ restaurantId: r.id, categoryId: drinks.id, products: { action: "move", toCategoryId: desserts.id } });
    const moved = await asOwner().menu.products.list({ restaurantId: r.id, categoryId: desserts.id });
    expect(moved.items.map((p) => p.name)).toEqual(["Kheer", "Lassi", "Chai"]);

    const result = await asOwner().menu.categories.delete({ restaurantId: r.id, categoryId: desserts.id, products: { action: "delete" } });
    expect(result).toEqual({ deletedProducts: 3 });
    expect(await t.db.product.count({ where: { id: kheer!.id } })).toBe(0);
    expect(await asOwner().menu.categories.list({ restaurantId: r.id })).toEqual([]);
  });

  it("products cannot be moved into a category of another restaurant", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { category } = await categoryWith(r.id, "Grill", ["Tikka"]);
    const { category: foreign } = await categoryWith(strangersRestaurant.id, "Theirs", [], asStranger());
    const error = await errorOf(
      asOwner().menu.categories.delete({ restaurantId: r.id, categoryId: category.id, products: { action: "move", toCategoryId: foreign.id } }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(await t.db.product.count({ where: { categoryId: category.id } })).toBe(1);
  });
});

describe("products", () => {
  it("are created with their details and edited", async () => {
    const { category } = await categoryWith(restaurant.id, "Karahi", []);
    const created = await asOwner().menu.products.create({
      restaurantId: restaurant.id,
      categoryId: category.id,
      name: "Chicken Karahi",
      description: "Half kilo, cooked in a wok",
      priceMinor: 145_000,
      dietaryTags: ["HALAL", "HALAL"],
      spiceLevel: 2,
      allergens: ["MILK"],
      calories: 850,
      portionSize: "Serves 2",
    });
    expect(created).toMatchObject({ priceMinor: 145_000, dietaryTags: ["HALAL"], allergens: ["MILK"], availability: "AVAILABLE" });

    const updated = await asOwner().menu.products.update({ restaurantId: restaurant.id, productId: created.id, ...dish("Mutton Karahi", { priceMinor: 210_000 }) });
    expect(updated).toMatchObject({ name: "Mutton Karahi", priceMinor: 210_000, dietaryTags: [], calories: null });
  });

  it("an edit that changes the category moves the product to the end of it, in one step", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { products: [lassi] } = await categoryWith(r.id, "Drinks", ["Lassi"]);
    const { category: desserts } = await categoryWith(r.id, "Desserts", ["Kulfi"]);
    await asOwner().menu.products.update({ restaurantId: r.id, productId: lassi!.id, categoryId: desserts.id, ...dish("Mango Lassi") });
    expect((await asOwner().menu.products.list({ restaurantId: r.id, categoryId: desserts.id })).items.map((p) => p.name)).toEqual([
      "Kulfi",
      "Mango Lassi",
    ]);

    const { category: foreign } = await categoryWith(strangersRestaurant.id, "Theirs", [], asStranger());
    const error = await errorOf(
      asOwner().menu.products.update({ restaurantId: r.id, productId: lassi!.id, categoryId: foreign.id, ...dish("Renamed") }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await t.db.product.findUnique({ where: { id: lassi!.id } })).toMatchObject({ name: "Mango Lassi", categoryId: desserts.id });
  });

  it("a duplicate lands right after the original, and a move goes to the end of the other category", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { category: bbq, products: [tikka] } = await categoryWith(r.id, "BBQ", ["Tikka", "Seekh kebab"]);
    const { category: rolls } = await categoryWith(r.id, "Rolls", ["Paratha roll"]);
    await asOwner().menu.products.duplicate({ restaurantId: r.id, productId: tikka!.id });
    expect((await asOwner().menu.products.list({ restaurantId: r.id, categoryId: bbq.id })).items.map((p) => p.name)).toEqual([
      "Tikka",
      "Tikka (copy)",
      "Seekh kebab",
    ]);

    await asOwner().menu.products.move({ restaurantId: r.id, productId: tikka!.id, toCategoryId: rolls.id });
    expect((await asOwner().menu.products.list({ restaurantId: r.id, categoryId: rolls.id })).items.map((p) => p.name)).toEqual([
      "Paratha roll",
      "Tikka",
    ]);
  });

  it("are reordered within their category", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { category, products } = await categoryWith(r.id, "Naan", ["Plain", "Garlic", "Cheese"]);
    const [plain, garlic, cheese] = products.map((p) => p.id);
    await asOwner().menu.products.reorder({ restaurantId: r.id, categoryId: category.id, productIds: [cheese!, plain!, garlic!] });
    expect((await asOwner().menu.products.list({ restaurantId: r.id })).items.map((p) => p.name)).toEqual(["Cheese", "Plain", "Garlic"]);
  });

  it("are marked sold out in bulk, and a list with another restaurant's product changes nothing", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { products } = await categoryWith(r.id, "Biryani", ["Sindhi", "Bombay", "Hyderabadi"]);
    const { products: [theirs] } = await categoryWith(strangersRestaurant.id, "Theirs", ["Pulao"], asStranger());
    const ids = products.slice(0, 2).map((p) => p.id);

    const refused = await errorOf(asOwner().menu.products.setAvailability({ restaurantId: r.id, productIds: [...ids, theirs!.id], availability: "SOLD_OUT" }));
    expect(refused.code).toBe("NOT_FOUND");
    expect(await t.db.product.count({ where: { restaurantId: r.id, availability: "SOLD_OUT" } })).toBe(0);

    expect(await asOwner().menu.products.setAvailability({ restaurantId: r.id, productIds: ids, availability: "SOLD_OUT" })).toEqual({ updated: 2 });
    const soldOut = await asOwner().menu.products.list({ restaurantId: r.id, availability: "SOLD_OUT" });
    expect(soldOut.items.map((p) => p.name)).toEqual(["Sindhi", "Bombay"]);
  });

  it("are searched by name (wildcards taken literally) and filtered by tag", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { category } = await categoryWith(r.id, "Everything", []);
    for (const [name, tags] of [["Daal Makhni", ["VEGETARIAN"]], ["Chicken 100% Tikka", ["HALAL"]], ["Daal Chawal", ["VEGETARIAN", "VEGAN"]]] as const) {
      await asOwner().menu.products.create({ restaurantId: r.id, categoryId: category.id, ...dish(name, { dietaryTags: [...tags] }) });
    }
    const names = async (filter: Record<string, unknown>) =>
      (await asOwner().menu.products.list({ restaurantId: r.id, ...filter })).items.map((p) => p.name);
    expect(await names({ search: "daal" })).toEqual(["Daal Makhni", "Daal Chawal"]);
    expect(await names({ search: "100%" })).toEqual(["Chicken 100% Tikka"]);
    expect(await names({ search: "%" })).toEqual(["Chicken 100% Tikka"]);
    expect(await names({ dietaryTag: "VEGAN" })).toEqual(["Daal Chawal"]);
  });

  it("pages through a menu of hundreds of products in menu order with a bounded number of SQL queries", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const second = await asOwner().menu.categories.create({ restaurantId: r.id, name: "Second" });
    const first = await asOwner().menu.categories.create({ restaurantId: r.id, name: "First" });
    const categories = [second, first];
    await asOwner().menu.categories.reorder({ restaurantId: r.id, categoryIds: [first.id, second.id] });
    await t.db.product.createMany({
      data: Array.from({ length: 240 }, (_, index) => ({
        restaurantId: r.id,
        categoryId: categories[index % 2]?.id ?? first.id,
        name: `Dish ${String(index).padStart(3, "0")}`,
        priceMinor: 1000 + index,
        position: index,
      })),
    });

    const statements: string[] = [];
    const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url }), log: [{ emit: "event", level: "query" }] });
    counting.$on("query", (event) => statements.push(event.query));
    afterAll(() => counting.$disconnect());
    const caller = callerFor(counting, sessionOf(owner));

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      statements.length = 0;
      const page = await caller.menu.products.list({ restaurantId: r.id, limit: 100, cursor });
      // The ownership check, then the products with their category, first photo and model in one query, on every
      // page (bench/dashboard-list counts the session's lookup too).
      expect(statements).toHaveLength(2);
      seen.push(...page.items.map((p) => p.category.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(240);
    expect(seen.indexOf("Second")).toBe(120);
  });

  it("list what Prisma's include of category, first photo and model returns, field for field", async () => {
    const r = await createRestaurant(t.db, owner.id);
    const { category, products } = await categoryWith(r.id, "Grill", ["Tikka", "Kebab", "Naan"]);
    const [tikka, kebab] = products;
    await asOwner().menu.products.update({
      restaurantId: r.id,
      productId: kebab!.id,
      ...dish("Kebab", { dietaryTags: ["HALAL", "GLUTEN_FREE"], allergens: ["MILK"], calories: 420, portionSize: "6 pieces", spiceLevel: 2 }),
    });
    const photo = { provider: "LOCAL" as const, bytes: 1000, width: 800, height: 600 };
    await t.db.productMedia.createMany({
      data: [
        { ...photo, productId: tikka!.id, kind: "VIDEO", providerKey: "t2", url: "/t2.mp4", position: 2 },
        { ...photo, productId: tikka!.id, kind: "IMAGE", providerKey: "t1", url: "/t1.webp", thumbnailUrl: "/t1-thumb.webp", altText: "Tikka", position: 1 },
      ],
    });
    await t.db.model3D.create({ data: { productId: kebab!.id, storageProvider: "LOCAL", originalKey: "k.glb", originalBytes: 10, status: "READY" } });

    const listed = await asOwner().menu.products.list({ restaurantId: r.id, categoryId: category.id });
    const expected = await t.db.product.findMany({
      where: { restaurantId: r.id },
      orderBy: [{ category: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
      include: {
        category: { select: { id: true, name: true } },
        media: { orderBy: { position: "asc" }, take: 1, select: { id: true, kind: true, url: true, thumbnailUrl: true, altText: true } },
        model: { select: { id: true, status: true } },
      },
    });
    expect(listed.items).toEqual(expected);
    expect(listed.items[0]?.createdAt).toBeInstanceOf(Date);
  });
});

describe("tenancy and state", () => {
  it("every menu procedure answers NOT_FOUND to an owner using another owner's restaurant, and changes nothing", async () => {
    const { category, products: [product] } = await categoryWith(restaurant.id, "Private", ["Secret sauce"]);
    const before = await t.db.product.findMany({ where: { restaurantId: restaurant.id }, orderBy: { id: "asc" } });
    const ids = { restaurantId: restaurant.id, categoryId: category.id, productId: product!.id };
    const inputs: Record<string, unknown> = {
      "menu.categories.list": { restaurantId: ids.restaurantId },
      "menu.categories.create": { restaurantId: ids.restaurantId, name: "Mine now" },
      "menu.categories.rename": { ...ids, productId: undefined, name: "Mine now" },
      "menu.categories.delete": { restaurantId: ids.restaurantId, categoryId: ids.categoryId, products: { action: "delete" } },
      "menu.categories.reorder": { restaurantId: ids.restaurantId, categoryIds: [ids.categoryId] },
      "menu.products.list": { restaurantId: ids.restaurantId },
      "menu.products.byId": { restaurantId: ids.restaurantId, productId: ids.productId },
      "menu.products.create": { restaurantId: ids.restaurantId, categoryId: ids.categoryId, ...dish("Injected") },
      "menu.products.update": { restaurantId: ids.restaurantId, productId: ids.productId, ...dish("Defaced") },
      "menu.products.delete": { restaurantId: ids.restaurantId, productId: ids.productId },
      "menu.products.duplicate": { restaurantId: ids.restaurantId, productId: ids.productId },
      "menu.products.move": { restaurantId: ids.restaurantId, productId: ids.productId, toCategoryId: ids.categoryId },
      "menu.products.reorder": { restaurantId: ids.restaurantId, categoryId: ids.categoryId, productIds: [ids.productId] },
      "menu.products.setAvailability": { restaurantId: ids.restaurantId, productIds: [ids.productId], availability: "HIDDEN" },
      "menu.media.list": { restaurantId: ids.restaurantId, productId: ids.productId },
      "menu.media.updateAlt": { restaurantId: ids.restaurantId, productId: ids.productId, mediaId: randomUUID(), altText: "Mine" },
      "menu.media.reorder": { restaurantId: ids.restaurantId, productId: ids.productId, mediaIds: [randomUUID()] },
      "menu.media.delete": { restaurantId: ids.restaurantId, productId: ids.productId, mediaId: randomUUID() },
      "menu.models.get": { restaurantId: ids.restaurantId, productId: ids.productId },
      "menu.models.rescale": { restaurantId: ids.restaurantId, productId: ids.productId, largestSideCm: 20 },
      "menu.models.remove": { restaurantId: ids.restaurantId, productId: ids.productId },
    };
    const menuPaths = procedurePaths().map((p) => p.path).filter((path) => path.startsWith("menu."));
    expect(menuPaths.sort()).toEqual(Object.keys(inputs).sort());
    for (const path of menuPaths) {
      const error = await errorOf(callByPath(asStranger(), path, JSON.parse(JSON.stringify(inputs[path]))));
      expect(error.code, path).toBe("NOT_FOUND");
    }
    expect(await t.db.product.findMany({ where: { restaurantId: restaurant.id }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("ids of another restaurant's categories and products are not found through one's own restaurant", async () => {
    const { category, products: [product] } = await categoryWith(restaurant.id, "A's", ["A's dish"]);
    const own = strangersRestaurant.id;
    expect((await errorOf(asStranger().menu.products.byId({ restaurantId: own, productId: product!.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(asStranger().menu.products.update({ restaurantId: own, productId: product!.id, ...dish("x") }))).code).toBe("NOT_FOUND");
    expect((await errorOf(asStranger().menu.products.create({ restaurantId: own, categoryId: category.id, ...dish("x") }))).code).toBe("NOT_FOUND");
    expect((await errorOf(asStranger().menu.categories.rename({ restaurantId: own, categoryId: category.id, name: "x" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(asStranger().menu.products.delete({ restaurantId: own, productId: product!.id }))).code).toBe("NOT_FOUND");
    expect(await t.db.product.findUnique({ where: { id: product!.id } })).toMatchObject({ name: "A's dish" });
  });

  it("a suspended restaurant's menu can be read but not changed", async () => {
    const r = await createRestaurant(t.db, owner.id, { reviewState: "SUSPENDED" });
    const error = await errorOf(asOwner().menu.categories.create({ restaurantId: r.id, name: "Anything" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe("This restaurant is suspended; its menu cannot be changed");
    expect(await asOwner().menu.categories.list({ restaurantId: r.id })).toEqual([]);
  });
});

describe("bad input", () => {
  it.each([
    ["a negative price", { priceMinor: -1 }, "priceMinor", "Price cannot be negative"],
    ["a fractional price", { priceMinor: 12.5 }, "priceMinor", "Price must be a whole number of minor units"],
    ["a price as text", { priceMinor: "1,250" }, "priceMinor", "Enter a price"],
    ["an empty name", { name: "   " }, "name", "Name is required"],
    ["a 121-character name", { name: "x".repeat(121) }, "name", "Name must be at most 120 characters"],
    ["an unknown allergen", { allergens: ["PINEAPPLE"] }, "allergens", "Unknown allergen"],
    ["a spice level of 5", { spiceLevel: 5 }, "spiceLevel", "Spice level is 0 to 3"],
  ])("%s is refused with a field error and nothing is written", async (_label, override, field, message) => {
    const { category } = await categoryWith(restaurant.id, `Bad input ${randomUUID().slice(0, 4)}`, []);
    const before = await t.db.product.count();
    const result = await callOverHttp(
      { db: t.db, session: sessionOf(owner), requestId: "test", now: () => new Date() },
      "menu.products.create",
      { restaurantId: restaurant.id, categoryId: category.id, ...dish("Valid name"), ...override },
    );
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.[field]?.[0]).toContain(message);
    expect(await t.db.product.count()).toBe(before);
  });

  it("unknown fields are refused", async () => {
    const { category } = await categoryWith(restaurant.id, "Strict", []);
    const error = await errorOf(
      asOwner().menu.products.create({ restaurantId: restaurant.id, categoryId: category.id, ...dish("x"), isFeatured: true } as never),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});
