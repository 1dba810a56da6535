import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SubscriptionStatus } from "~/generated/prisma/enums";
import type { Session } from "~/server/auth/session";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";

// Once an approved restaurant's access has run out, growing the menu needs a plan: tRPC answers PAYMENT_REQUIRED
// and the upload routes 402, both with the way to the billing page. Everything else an owner does still works.
let t: TestDatabase;
let session: Session | null = null;
vi.mock("~/server/db", () => ({ db: t.db }));
vi.mock("~/server/auth/get-session", () => ({ getSession: async () => session }));

type PostHandler = (request: Request) => Promise<Response>;
let uploadMedia: PostHandler;
let uploadModel: PostHandler;
let dataDir: string;
let owner: Awaited<ReturnType<typeof createUser>>;

const DAY = 86_400_000;
const now = new Date();

beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "foodar-payment-required-"));
  vi.stubEnv("FOODAR_DATA_DIR", dataDir);
  vi.resetModules();
  uploadMedia = (await import("~/../app/api/uploads/media/route")).POST;
  uploadModel = (await import("~/../app/api/uploads/model/route")).POST;
  owner = await createUser(t.db);
  session = sessionOf(owner);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

type Setup = { trialEndsAt?: Date | null; subscription?: { status: SubscriptionStatus; pastDueSince?: Date; endsAt?: Date }; reviewState?: "APPROVED" | "DRAFT" | "PENDING" };

/** A restaurant with one visible and one hidden dish, its trial and subscription as the test says. */
async function restaurantWith(setup: Setup) {
  const restaurant = await createRestaurant(t.db, owner.id, { reviewState: setup.reviewState ?? "APPROVED" });
  await t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialEndsAt: setup.trialEndsAt === undefined ? new Date(now.getTime() - DAY) : setup.trialEndsAt } });
  if (setup.subscription) {
    await t.db.subscription.create({
      data: {
        restaurantId: restaurant.id,
        lemonSqueezyId: String(Math.floor(Math.random() * 1e9)),
        customerId: "1",
        variantId: "1",
        status: setup.subscription.status,
        pastDueSince: setup.subscription.pastDueSince ?? null,
        endsAt: setup.subscription.endsAt ?? null,
        sourceUpdatedAt: now,
      },
    });
  }
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const visible = await t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name: "Karahi", priceMinor: 125_000, position: 1 } });
  const hidden = await t.db.product.create({
    data: { restaurantId: restaurant.id, categoryId: category.id, name: "Nihari", priceMinor: 95_000, position: 2, availability: "HIDDEN" },
  });
  return { restaurantId: restaurant.id, categoryId: category.id, visible, hidden };
}

const caller = () => callerFor(t.db, sessionOf(owner), () => now);
const newDish = (restaurantId: string, categoryId: string) => ({ restaurantId, categoryId, name: "Haleem", priceMinor: 80_000 });
const billing = (restaurantId: string) => `/dashboard/restaurants/${restaurantId}/billing`;

describe("owner actions that need a plan", () => {
  it("refuses adding, duplicating and publishing dishes once the trial is over, naming the billing page", async () => {
    const { restaurantId, categoryId, visible, hidden } = await restaurantWith({});
    const refusal = { code: "PAYMENT_REQUIRED", message: expect.stringMatching(/free trial has ended.*billing page to add dishes/) };

    await expect(caller().menu.products.create(newDish(restaurantId, categoryId))).rejects.toMatchObject(refusal);
    await expect(caller().menu.products.duplicate({ restaurantId, productId: visible.id })).rejects.toMatchObject(refusal);
    await expect(caller().menu.products.setAvailability({ restaurantId, productIds: [visible.id, hidden.id], availability: "AVAILABLE" })).rejects.toMatchObject({
      code: "PAYMENT_REQUIRED",
      message: expect.stringMatching(/to make hidden dishes visible/),
    });
    const { restaurantId: _r, categoryId: _c, id: _id, createdAt: _a, updatedAt: _u, position: _p, ...hiddenDetails } = hidden;
    await expect(
      caller().menu.products.update({ restaurantId, productId: hidden.id, ...hiddenDetails, availability: "SOLD_OUT", description: "" }),
    ).rejects.toMatchObject({ code: "PAYMENT_REQUIRED" });
    expect(await t.db.product.count({ where: { restaurantId } })).toBe(2);
    expect(await t.db.product.findUnique({ where: { id: hidden.id } })).toMatchObject({ availability: "HIDDEN" });
  });

  it("answers over HTTP with 402 and the billing page in the error's data", async () => {
    const { restaurantId, categoryId } = await restaurantWith({});
    const result = await callOverHttp({ db: t.db, session: sessionOf(owner), requestId: "test", now: () => now }, "menu.products.create", newDish(restaurantId, categoryId));
    expect(result.status).toBe(402);
    expect(result.error?.data).toMatchObject({ code: "PAYMENT_REQUIRED", httpStatus: 402, billingPath: billing(restaurantId) });
  });

  it("still lets the owner edit, hide, mark sold out, reorder and delete", async () => {
    const { restaurantId, categoryId, visible, hidden } = await restaurantWith({});
    await caller().menu.categories.rename({ restaurantId, categoryId, name: "Main dishes" });
    await caller().menu.products.setAvailability({ restaurantId, productIds: [visible.id], availability: "SOLD_OUT" });
    await caller().menu.products.setAvailability({ restaurantId, productIds: [visible.id], availability: "AVAILABLE" });
    await caller().menu.products.setAvailability({ restaurantId, productIds: [visible.id], availability: "HIDDEN" });
    await caller().menu.products.reorder({ restaurantId, categoryId, productIds: [hidden.id, visible.id] });
    await caller().menu.products.delete({ restaurantId, productId: hidden.id });
    expect(await t.db.product.findMany({ where: { restaurantId }, select: { id: true, availability: true } })).toEqual([{ id: visible.id, availability: "HIDDEN" }]);
  });

  it.each<[string, Setup]>([
    ["a restaurant in its trial", { trialEndsAt: new Date(now.getTime() + DAY) }],
    ["an active subscription", { subscription: { status: "ACTIVE" } }],
    ["a past-due subscription within its grace period", { subscription: { status: "PAST_DUE", pastDueSince: new Date(now.getTime() - DAY) } }],
    ["a cancelled subscription still in its paid period", { subscription: { status: "CANCELLED", endsAt: new Date(now.getTime() + DAY) } }],
    ["a draft that was never approved", { reviewState: "DRAFT", trialEndsAt: null }],
    ["a restaurant waiting for review", { reviewState: "PENDING", trialEndsAt: null }],
  ])("lets %s add and publish dishes", async (_name, setup) => {
    const { restaurantId, categoryId, hidden } = await restaurantWith(setup);
    await caller().menu.products.create(newDish(restaurantId, categoryId));
    await caller().menu.products.setAvailability({ restaurantId, productIds: [hidden.id], availability: "AVAILABLE" });
    expect(await t.db.product.count({ where: { restaurantId, availability: "AVAILABLE" } })).toBe(3);
  });

  it.each<[string, Setup, RegExp]>([
    ["past due beyond the grace period", { subscription: { status: "PAST_DUE", pastDueSince: new Date(now.getTime() - 8 * DAY) } }, /grace period is over.*payment method/],
    ["cancelled and ended", { subscription: { status: "CANCELLED", endsAt: new Date(now.getTime() - DAY) } }, /subscription has ended/],
    ["expired", { subscription: { status: "EXPIRED" } }, /paused, unpaid or expired/],
  ])("explains a subscription %s", async (_name, setup, message) => {
    const { restaurantId, categoryId } = await restaurantWith(setup);
    await expect(caller().menu.products.create(newDish(restaurantId, categoryId))).rejects.toMatchObject({ code: "PAYMENT_REQUIRED", message: expect.stringMatching(message) });
  });

  it("the upload routes answer 402 with billingPath before reading the file, and 404 for another owner's restaurant", async () => {
    const { restaurantId, visible } = await restaurantWith({});
    const query = new URLSearchParams({ restaurantId, productId: visible.id });
    for (const [post, route] of [
      [uploadMedia, "media"],
      [uploadModel, "model"],
    ] as const) {
      const response = await post(new Request(`http://localhost:3000/api/uploads/${route}?${query}`, { method: "POST", body: new Uint8Array([1, 2, 3]) }));
      expect(response.status, route).toBe(402);
      expect(await response.json(), route).toEqual({
        error: expect.stringMatching(/to upload photos, videos and 3D models/),
        billingPath: billing(restaurantId),
      });
    }
    const stranger = await createUser(t.db);
    session = sessionOf(stranger);
    try {
      expect((await uploadMedia(new Request(`http://localhost:3000/api/uploads/media?${query}`, { method: "POST", body: new Uint8Array([1]) }))).status).toBe(404);
    } finally {
      session = sessionOf(owner);
    }
  });
});
