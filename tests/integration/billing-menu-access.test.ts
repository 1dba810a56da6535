import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Restaurant } from "~/generated/prisma/client";
import type { ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { recordMenuEvents } from "~/server/services/analytics/record-menu-events";
import { receiveLemonSqueezyWebhook } from "~/server/services/billing/receive-lemon-squeezy-webhook";
import { getPublicMenu } from "~/server/services/public-menu/public-menu";
import { createRestaurant, createUser } from "../helpers/factories";
import { subscriptionEvent, type SubscriptionFields } from "../helpers/lemon-squeezy-events";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The whole billing life of a restaurant, driven by Lemon Squeezy-shaped events, as the public menu and the
// analytics beacon see it: trial → subscribed → past due (grace) → recovered → cancelled (paid period) → expired.

let t: TestDatabase;
let restaurant: Restaurant;
const DAY = 86_400_000;
const GRACE_DAYS = 7; // BILLING_GRACE_DAYS' default
const subscriptionId = String(randomInt(1_000_000, 9_999_999));

// No dish has a 3D model, so no URL is ever signed.
const noModels: ModelStorage = {
  provider: "LOCAL",
  put: () => Promise.reject(new Error("not used")),
  signedUrl: () => Promise.reject(new Error("not used")),
  read: () => Promise.reject(new Error("not used")),
  remove: () => Promise.reject(new Error("not used")),
  exists: () => Promise.reject(new Error("not used")),
};

beforeAll(async () => {
  t = await createTestDatabase();
  const owner = await createUser(t.db);
  restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED", slug: "billing-life-grill" });
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  await t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name: "Karahi", priceMinor: 150_000, position: 1 } });
});

/** Whether customers see the menu at `at`, and when that runs out; the beacon agrees. */
async function menuAt(at: Date) {
  const menu = await getPublicMenu(t.db, noModels, restaurant.slug, at);
  const beacon = await recordMenuEvents(t.db, { restaurantId: restaurant.id, events: [{ type: "MENU_VIEW" }] }, at);
  expect(beacon.recorded).toBe(menu !== null);
  return menu ? { live: true, until: menu.liveUntil } : { live: false };
}

async function deliver(eventName: string, fields: Omit<SubscriptionFields, "id">, at: Date) {
  const result = await receiveLemonSqueezyWebhook(t.db, JSON.stringify(subscriptionEvent(eventName, { id: subscriptionId, ...fields }, { restaurantId: restaurant.id })), at);
  expect(result).toMatchObject({ status: 200, body: { outcome: "processed" } });
}

describe("the public menu through a restaurant's billing life", () => {
  it("follows the trial, the subscription, the grace period and the paid period", async () => {
    const trialEnd = (await t.db.restaurant.findUniqueOrThrow({ where: { id: restaurant.id } })).trialEndsAt!;
    const day = (n: number) => new Date(trialEnd.getTime() + n * DAY);

    // In the trial: live until it ends; the day after, offline.
    expect(await menuAt(day(-1))).toEqual({ live: true, until: trialEnd.toISOString() });
    expect(await menuAt(day(1))).toEqual({ live: false });

    // Subscribed after the trial: live with no end in sight.
    await deliver("subscription_created", { status: "active", updatedAt: day(2) }, day(2));
    expect(await menuAt(day(3))).toEqual({ live: true, until: null });

    // A renewal fails: live through the grace period, offline after it.
    const failedAt = day(30);
    await deliver("subscription_updated", { status: "past_due", updatedAt: failedAt, renewsAt: failedAt }, failedAt);
    const graceEnd = new Date(failedAt.getTime() + GRACE_DAYS * DAY);
    expect(await menuAt(day(31))).toEqual({ live: true, until: graceEnd.toISOString() });
    expect(await menuAt(new Date(graceEnd.getTime() + 1))).toEqual({ live: false });

    // The payment is recovered: live again, with no end.
    await deliver("subscription_updated", { status: "active", updatedAt: day(40) }, day(40));
    expect(await menuAt(day(40))).toEqual({ live: true, until: null });

    // Cancelled: live until the paid period ends.
    const endsAt = day(60);
    await deliver("subscription_cancelled", { status: "cancelled", updatedAt: day(45), endsAt }, day(45));
    expect(await menuAt(day(50))).toEqual({ live: true, until: endsAt.toISOString() });
    expect(await menuAt(day(61))).toEqual({ live: false });

    // Expired: offline.
    await deliver("subscription_expired", { status: "expired", updatedAt: day(61), endsAt }, day(61));
    expect(await menuAt(day(61))).toEqual({ live: false });
  });
});
