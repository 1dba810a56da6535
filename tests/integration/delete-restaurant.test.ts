import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";

let t: TestDatabase;
let owner: User;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db);
});

/** A restaurant with a menu whose products have photos, a video and a 3D model, as files in their stores. */
async function restaurantWithFiles(ownerId = owner.id, reviewState?: "SUSPENDED") {
  const restaurant = await createRestaurant(t.db, ownerId, { name: "Karachi Grill", ...(reviewState ? { reviewState } : {}) });
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const [karahi, biryani] = await Promise.all(
    ["Karahi", "Biryani"].map((name, index) =>
      t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name, priceMinor: 100_000, position: index + 1 } }),
    ),
  );
  await t.db.productMedia.createMany({
    data: [
      { productId: karahi!.id, kind: "IMAGE", provider: "CLOUDINARY", providerKey: `foodar/${restaurant.id}/a`, url: "https://x/a", bytes: 1, position: 1 },
      { productId: biryani!.id, kind: "VIDEO", provider: "LOCAL", providerKey: `${restaurant.id}/b.mp4`, url: "/b", bytes: 1, position: 1 },
    ],
  });
  await t.db.model3D.create({
    data: {
      productId: karahi!.id,
      storageProvider: "SUPABASE",
      originalKey: `${restaurant.id}/m.glb`,
      optimizedKey: `${restaurant.id}/m-optimized.glb`,
      originalBytes: 10,
      status: "READY",
    },
  });
  return restaurant;
}

const counts = async (restaurantId: string) => ({
  restaurants: await t.db.restaurant.count({ where: { id: restaurantId } }),
  products: await t.db.product.count({ where: { restaurantId } }),
  media: await t.db.productMedia.count({ where: { product: { restaurantId } } }),
  models: await t.db.model3D.count({ where: { product: { restaurantId } } }),
  deletions: await t.db.fileDeletion.count({ where: { restaurantId } }),
});

const context = (user: User) => ({ db: t.db, session: sessionOf(user), requestId: "test", now: () => new Date() });

describe("restaurants.delete", () => {
  it("deletes the restaurant and its menu, queues every file of it for removal and keeps an audit entry", async () => {
    const restaurant = await restaurantWithFiles();
    const result = await callerFor(t.db, sessionOf(owner)).restaurants.delete({ restaurantId: restaurant.id, confirmName: "  karachi grill " });
    expect(result).toEqual({ deleted: true, name: "Karachi Grill" });
    expect(await counts(restaurant.id)).toEqual({ restaurants: 0, products: 0, media: 0, models: 0, deletions: 4 });
    const queued = await t.db.fileDeletion.findMany({ where: { restaurantId: restaurant.id }, orderBy: { key: "asc" } });
    expect(queued.map((row) => [row.store, row.key, row.mediaKind])).toEqual([
      ["MODEL_SUPABASE", `${restaurant.id}/m-optimized.glb`, null],
      ["MODEL_SUPABASE", `${restaurant.id}/m.glb`, null],
      ["MEDIA_LOCAL", `${restaurant.id}/b.mp4`, "VIDEO"],
      ["MEDIA_CLOUDINARY", `foodar/${restaurant.id}/a`, "IMAGE"],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { targetId: restaurant.id, action: "restaurant.deleted" } });
    expect(audit).toMatchObject({ actorId: owner.id, before: expect.objectContaining({ name: "Karachi Grill", products: 2 }) });
  });

  it("refuses a name that does not match, on the field, and deletes nothing", async () => {
    const restaurant = await restaurantWithFiles();
    const before = await counts(restaurant.id);
    const result = await callOverHttp(context(owner), "restaurants.delete", { restaurantId: restaurant.id, confirmName: "Karachi" });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.confirmName).toEqual(['Type "Karachi Grill" to confirm']);
    const empty = await callOverHttp(context(owner), "restaurants.delete", { restaurantId: restaurant.id, confirmName: "   " });
    expect(empty.error?.data.fieldErrors?.confirmName).toEqual(["Type the restaurant's name to confirm"]);
    expect(await counts(restaurant.id)).toEqual(before);
  });

  it("another owner's restaurant is not found, and a suspended one is kept", async () => {
    const theirs = await restaurantWithFiles((await createUser(t.db)).id);
    const mine = callerFor(t.db, sessionOf(owner));
    await expect(mine.restaurants.delete({ restaurantId: theirs.id, confirmName: "Karachi Grill" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await counts(theirs.id)).restaurants).toBe(1);

    const suspended = await restaurantWithFiles(owner.id, "SUSPENDED");
    await expect(mine.restaurants.delete({ restaurantId: suspended.id, confirmName: "Karachi Grill" })).rejects.toMatchObject({
      message: "A suspended restaurant cannot be deleted; contact support",
    });
    expect(await counts(suspended.id)).toMatchObject({ restaurants: 1, products: 2, deletions: 0 });
  });
});
