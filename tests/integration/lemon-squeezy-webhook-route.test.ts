import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import { menuSlugTag } from "~/server/cache/menu-cache";
import { signLemonSqueezyBody } from "~/server/integrations/lemon-squeezy/signature";
import { createRestaurant, createUser } from "../helpers/factories";
import { invoiceEvent, orderEvent, subscriptionEvent, type SubscriptionFields } from "../helpers/lemon-squeezy-events";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The route handler is called as Next calls it, with deliveries signed the way Lemon Squeezy signs them and bodies
// shaped like its own. Its db module is pointed at this file's database.
let t: TestDatabase;
vi.mock("~/server/db", () => ({ db: t.db }));

const SECRET = "route-test-signing-secret";
const URL_PATH = "http://localhost:3000/api/webhooks/lemon-squeezy";
const DAY = 86_400_000;

type PostHandler = (request: Request) => Promise<Response>;
let POST: PostHandler;
let owner: User;

beforeAll(async () => {
  t = await createTestDatabase();
  vi.stubEnv("LEMONSQUEEZY_WEBHOOK_SECRET", SECRET);
  vi.resetModules();
  POST = (await import("~/../app/api/webhooks/lemon-squeezy/route")).POST;
  owner = await createUser(t.db);
});

function delivery(body: string, signature: string | null = signLemonSqueezyBody(SECRET, body), eventName = "subscription_created"): Request {
  const headers = new Headers({ "content-type": "application/json", "x-event-name": eventName });
  if (signature !== null) headers.set("x-signature", signature);
  return new Request(URL_PATH, { method: "POST", headers, body });
}

const post = (payload: unknown) => POST(delivery(JSON.stringify(payload)));

/** An approved restaurant whose trial is over: its menu is live only through its subscription. */
async function approvedRestaurant(trialEndsAt = new Date(Date.now() - DAY)): Promise<Restaurant> {
  const restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  return t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialStartsAt: new Date(trialEndsAt.getTime() - 7 * DAY), trialEndsAt } });
}

const newId = () => String(randomInt(1_000_000, 9_999_999));
const subscriptionOf = (restaurantId: string) => t.db.subscription.findUnique({ where: { restaurantId } });
const eventsFor = (resourceId: string) => t.db.webhookEvent.findMany({ where: { resourceId }, orderBy: { receivedAt: "asc" } });
const revalidatedAt = async (slug: string) => (await t.db.cacheTagRevalidation.findUnique({ where: { tag: menuSlugTag(slug) } }))?.revalidatedAt ?? null;

function fields(id: string, status: SubscriptionFields["status"], updatedAt: Date, extra: Partial<SubscriptionFields> = {}): SubscriptionFields {
  return { id, status, updatedAt, createdAt: new Date(updatedAt.getTime() - 60_000), ...extra };
}

describe("POST /api/webhooks/lemon-squeezy: signatures and bodies", () => {
  const body = JSON.stringify(subscriptionEvent("subscription_created", fields("1000001", "active", new Date())));

  it("refuses a missing, tampered, wrong-length, non-hex or wrongly keyed signature with 401, storing nothing", async () => {
    const good = signLemonSqueezyBody(SECRET, body);
    const cases: Array<[string, Request]> = [
      ["missing", delivery(body, null)],
      ["empty", delivery(body, "")],
      ["tampered body", delivery(body.replace('"active"', '"expired"'), good)],
      ["too short", delivery(body, good.slice(0, 40))],
      ["too long", delivery(body, `${good}abcd`)],
      ["not hex", delivery(body, "z".repeat(64))],
      ["another secret", delivery(body, signLemonSqueezyBody("not-the-secret", body))],
    ];
    for (const [name, request] of cases) {
      const response = await POST(request);
      expect(response.status, name).toBe(401);
      expect((await response.json()) as { error: string }, name).toMatchObject({ error: expect.stringMatching(/signature/i) });
    }
    expect(await t.db.webhookEvent.count({ where: { resourceId: "1000001" } })).toBe(0);
    expect(await t.db.subscription.count({ where: { lemonSqueezyId: "1000001" } })).toBe(0);
  });

  it("refuses a body over 1 MB with 413, signed or not, with or without a Content-Length", async () => {
    const huge = JSON.stringify({ meta: { event_name: "subscription_created" }, data: { padding: "x".repeat(1024 * 1024) } });
    expect((await POST(delivery(huge))).status).toBe(413);
    const chunked = new Request(URL_PATH, {
      method: "POST",
      headers: { "x-signature": signLemonSqueezyBody(SECRET, huge) },
      body: new Blob([huge]).stream(),
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect((await POST(chunked)).status).toBe(413);
  });

  it("answers malformed JSON with 400 and keeps it, as text, for admins", async () => {
    const broken = '{"meta": {"event_name": "subscription_created"}, "data": ';
    const response = await POST(delivery(broken));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Body is not valid JSON" });
    const stored = await t.db.webhookEvent.findFirst({ where: { rawBody: broken } });
    expect(stored).toMatchObject({ status: "INVALID", error: "Body is not valid JSON", payload: null, eventName: "(not JSON)" });
  });

  it("answers a handled event of the wrong shape with 400 naming the field, and keeps it INVALID", async () => {
    const restaurant = await approvedRestaurant();
    const payload = subscriptionEvent("subscription_created", fields("1000002", "active", new Date()), { restaurantId: restaurant.id });
    (payload.data.attributes as Record<string, unknown>).status = "sleeping";
    const response = await post(payload);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/data\.attributes\.status/);
    expect(await eventsFor("1000002")).toEqual([
      expect.objectContaining({ status: "INVALID", eventName: "subscription_created", restaurantId: restaurant.id, error: expect.stringMatching(/status/) }),
    ]);
    expect(await subscriptionOf(restaurant.id)).toBeNull();

    const wrongType = subscriptionEvent("subscription_updated", fields("1000003", "active", new Date()), { restaurantId: restaurant.id });
    wrongType.data.type = "orders";
    expect((await post(wrongType)).status).toBe(400);
  });

  it("acknowledges an event it does not handle with 200 and stores it IGNORED", async () => {
    const payload = {
      meta: { test_mode: true, event_name: "license_key_created", webhook_id: "w" },
      data: { type: "license-keys", id: "777001", attributes: { key: "ABC", updated_at: "2026-11-22T10:00:00.000000Z" } },
    };
    const response = await post(payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, outcome: "ignored" });
    expect(await eventsFor("777001")).toEqual([expect.objectContaining({ status: "IGNORED", eventName: "license_key_created" })]);
    expect((await post(payload)).status).toBe(200);
    expect(await eventsFor("777001")).toHaveLength(1);
  });
});

describe("POST /api/webhooks/lemon-squeezy: subscription life", () => {
  it("subscription_created mirrors the subscription, puts the menu live, audits and announces it", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const updatedAt = new Date(Date.now() - 60_000);
    const response = await post(subscriptionEvent("subscription_created", fields(id, "active", updatedAt, { itemId: 8_812_345 }), { restaurantId: restaurant.id }));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "processed" });
    expect(await subscriptionOf(restaurant.id)).toMatchObject({
      lemonSqueezyId: id,
      status: "ACTIVE",
      customerId: "3300001",
      variantId: "723456",
      cardBrand: "visa",
      cardLastFour: "4242",
      subscriptionItemId: "8812345",
      updatePaymentMethodUrl: expect.stringContaining(`/subscription/${id}/payment-details`),
      customerPortalUrl: expect.stringContaining("/billing"),
      pastDueSince: null,
      sourceUpdatedAt: updatedAt,
    });
    expect(await eventsFor(id)).toEqual([expect.objectContaining({ status: "PROCESSED", restaurantId: restaurant.id, attempts: 1, error: null })]);
    expect(await t.db.auditLog.findMany({ where: { targetId: restaurant.id }, select: { action: true, actorId: true, reason: true } })).toEqual([
      { action: "subscription.active", actorId: null, reason: "Lemon Squeezy subscription_created" },
    ]);
    expect(await revalidatedAt(restaurant.slug)).toBeInstanceOf(Date);
  });

  it("a duplicate delivery gets 200 and changes nothing", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const payload = subscriptionEvent("subscription_created", fields(id, "active", new Date(Date.now() - 60_000)), { restaurantId: restaurant.id });
    await post(payload);
    const [subscription, events, audit] = await Promise.all([subscriptionOf(restaurant.id), eventsFor(id), t.db.auditLog.count({ where: { targetId: restaurant.id } })]);

    const again = await post(payload);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });
    expect(await subscriptionOf(restaurant.id)).toEqual(subscription);
    expect(await eventsFor(id)).toEqual(events);
    expect(await t.db.auditLog.count({ where: { targetId: restaurant.id } })).toBe(audit);
  });

  it("ten simultaneous copies of one event apply it once", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const payload = subscriptionEvent("subscription_created", fields(id, "active", new Date(Date.now() - 60_000)), { restaurantId: restaurant.id });
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(payload)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const outcomes = await Promise.all(responses.map(async (response) => ((await response.json()) as { outcome: string }).outcome));
    expect(outcomes.filter((outcome) => outcome === "processed")).toHaveLength(1);
    expect(await eventsFor(id)).toHaveLength(1);
    expect(await t.db.auditLog.count({ where: { targetId: restaurant.id } })).toBe(1);
  });

  it("created, updated and cancelled arriving at once for one restaurant give one subscription in its newest state", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const hourAgo = Date.now() - 60 * 60_000;
    const at = (minutes: number) => new Date(hourAgo + minutes * 60_000);
    const endsAt = new Date(Date.now() + 25 * DAY);
    const responses = await Promise.all([
      post(subscriptionEvent("subscription_cancelled", fields(id, "cancelled", at(2), { endsAt }), { restaurantId: restaurant.id })),
      post(subscriptionEvent("subscription_created", fields(id, "active", at(0)), { restaurantId: restaurant.id })),
      post(subscriptionEvent("subscription_updated", fields(id, "active", at(1)), { restaurantId: restaurant.id })),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await t.db.subscription.count({ where: { restaurantId: restaurant.id } })).toBe(1);
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ status: "CANCELLED", endsAt, sourceUpdatedAt: at(2) });
    expect(await eventsFor(id)).toHaveLength(3);
  });

  it("an older event delivered after a newer one leaves the state as it is, and is stored IGNORED", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const created = new Date(Date.now() - 10 * 60_000);
    await post(subscriptionEvent("subscription_created", fields(id, "active", created), { restaurantId: restaurant.id }));
    const cancelledAt = new Date(created.getTime() + 5 * 60_000);
    const endsAt = new Date(Date.now() + 20 * DAY);
    await post(subscriptionEvent("subscription_cancelled", fields(id, "cancelled", cancelledAt, { endsAt }), { restaurantId: restaurant.id }));
    const newest = await subscriptionOf(restaurant.id);
    expect(newest).toMatchObject({ status: "CANCELLED", endsAt });

    const stale = await post(subscriptionEvent("subscription_updated", fields(id, "active", new Date(created.getTime() + 60_000)), { restaurantId: restaurant.id }));
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({ outcome: "ignored", message: expect.stringMatching(/Older than the subscription we hold/) });
    expect(await subscriptionOf(restaurant.id)).toEqual(newest);
    expect((await eventsFor(id)).map((event) => event.status)).toEqual(["PROCESSED", "PROCESSED", "IGNORED"]);
  });

  it("a failed payment starts the grace period from the resource's updated_at; the menu stays live until it ends", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const start = new Date(Date.now() - 2 * DAY);
    await post(subscriptionEvent("subscription_created", fields(id, "active", start), { restaurantId: restaurant.id }));
    const failedAt = new Date(start.getTime() + DAY);
    const invoiceId = newId();

    const failed = await post(invoiceEvent("subscription_payment_failed", { id: invoiceId, subscriptionId: id, status: "pending", updatedAt: failedAt, billingReason: "renewal" }, { restaurantId: restaurant.id }));
    expect(failed.status).toBe(200);
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ status: "ACTIVE", pastDueSince: null });

    await post(subscriptionEvent("subscription_updated", fields(id, "past_due", failedAt, { renewsAt: failedAt }), { restaurantId: restaurant.id }));
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ status: "PAST_DUE", pastDueSince: failedAt });
    // A later update while still past due keeps the start of the grace period.
    await post(subscriptionEvent("subscription_updated", fields(id, "past_due", new Date(failedAt.getTime() + 3_600_000), { renewsAt: failedAt }), { restaurantId: restaurant.id }));
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ pastDueSince: failedAt });

    const jobs = await t.db.$queryRaw<{ start_after: Date }[]>`
      SELECT start_after FROM pgboss.job WHERE name = 'menu-access-ends' AND data->>'restaurantId' = ${restaurant.id}`;
    expect(jobs.map((job) => job.start_after.getTime())).toContain(failedAt.getTime() + 7 * DAY);

    await post(invoiceEvent("subscription_payment_recovered", { id: invoiceId, subscriptionId: id, status: "paid", updatedAt: new Date(failedAt.getTime() + 7_200_000), billingReason: "renewal" }, { restaurantId: restaurant.id }));
    await post(subscriptionEvent("subscription_updated", fields(id, "active", new Date(failedAt.getTime() + 7_200_000)), { restaurantId: restaurant.id }));
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ status: "ACTIVE", pastDueSince: null });
    expect(await t.db.invoice.findUnique({ where: { lemonSqueezyId: invoiceId } })).toMatchObject({ status: "paid", billingReason: "renewal", totalMinor: 250_000, currency: "PKR" });
  });

  it("expiry takes the menu offline: the state, its audit entry and the cache announcement commit together", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const start = new Date(Date.now() - 40 * DAY);
    await post(subscriptionEvent("subscription_created", fields(id, "active", start), { restaurantId: restaurant.id }));
    const announced = await revalidatedAt(restaurant.slug);
    await post(subscriptionEvent("subscription_expired", fields(id, "expired", new Date(Date.now() - 60_000), { endsAt: new Date(Date.now() - 60_000) }), { restaurantId: restaurant.id }));
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ status: "EXPIRED" });
    expect((await revalidatedAt(restaurant.slug))?.getTime()).toBeGreaterThan(announced?.getTime() ?? 0);
    expect((await t.db.auditLog.findMany({ where: { targetId: restaurant.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action)).toEqual([
      "subscription.active",
      "subscription.expired",
    ]);
  });

  it("a payment for a subscription not seen yet fails with 500 and is kept FAILED; the retry applies it", async () => {
    const restaurant = await approvedRestaurant();
    const id = newId();
    const invoiceId = newId();
    const updatedAt = new Date(Date.now() - 60_000);
    const payment = invoiceEvent("subscription_payment_success", { id: invoiceId, subscriptionId: id, status: "paid", updatedAt }, { restaurantId: restaurant.id });

    const first = await post(payment);
    expect(first.status).toBe(500);
    expect(((await first.json()) as { error: string }).error).toMatch(/kept and will be processed again/);
    expect(await eventsFor(invoiceId)).toEqual([expect.objectContaining({ status: "FAILED", attempts: 1, error: expect.stringMatching(/not known yet/) })]);
    expect(await t.db.invoice.count({ where: { lemonSqueezyId: invoiceId } })).toBe(0);

    await post(subscriptionEvent("subscription_created", fields(id, "active", updatedAt), { restaurantId: restaurant.id }));
    const retry = await post(payment);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ received: true, outcome: "processed" });
    expect(await eventsFor(invoiceId)).toEqual([expect.objectContaining({ status: "PROCESSED", attempts: 2, error: null })]);
    expect(await t.db.invoice.findUnique({ where: { lemonSqueezyId: invoiceId } })).toMatchObject({ status: "paid", totalMinor: 250_000, refundedMinor: 0 });

    // And now it is a duplicate like any other.
    expect(await (await post(payment)).json()).toEqual({ received: true, outcome: "duplicate" });
  });

  it("an event naming another restaurant than the subscription's changes neither, and is kept FAILED for admins", async () => {
    const mine = await approvedRestaurant();
    const theirs = await approvedRestaurant();
    const id = newId();
    await post(subscriptionEvent("subscription_created", fields(id, "active", new Date(Date.now() - 60_000)), { restaurantId: mine.id }));
    const before = await subscriptionOf(mine.id);

    const response = await post(subscriptionEvent("subscription_cancelled", fields(id, "cancelled", new Date(), { endsAt: new Date(Date.now() + DAY) }), { restaurantId: theirs.id }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "rejected", message: expect.stringMatching(/belongs to restaurant/) });
    expect(await subscriptionOf(mine.id)).toEqual(before);
    expect(await subscriptionOf(theirs.id)).toBeNull();
    expect((await eventsFor(id)).at(-1)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/nothing was changed/) });
  });

  it("an event for a restaurant that does not exist, or with no restaurant at all, is kept FAILED and acknowledged", async () => {
    const ghost = crypto.randomUUID();
    const id = newId();
    const response = await post(subscriptionEvent("subscription_created", fields(id, "active", new Date()), { restaurantId: ghost }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "rejected", message: expect.stringMatching(/does not exist/) });
    expect(await t.db.subscription.count({ where: { lemonSqueezyId: id } })).toBe(0);

    const anonymous = newId();
    expect(await (await post(subscriptionEvent("subscription_created", fields(anonymous, "active", new Date())))).json()).toMatchObject({
      outcome: "rejected",
      message: expect.stringMatching(/no restaurant_id/),
    });
    expect(await eventsFor(anonymous)).toEqual([expect.objectContaining({ status: "FAILED" })]);
  });

  it("a new subscription replaces an expired one, and a second live one is refused", async () => {
    const restaurant = await approvedRestaurant();
    const old = newId();
    await post(subscriptionEvent("subscription_created", fields(old, "active", new Date(Date.now() - 60 * DAY)), { restaurantId: restaurant.id }));
    await post(subscriptionEvent("subscription_expired", fields(old, "expired", new Date(Date.now() - DAY)), { restaurantId: restaurant.id }));

    const renewed = newId();
    await post(subscriptionEvent("subscription_created", fields(renewed, "active", new Date(Date.now() - 60_000)), { restaurantId: restaurant.id }));
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ lemonSqueezyId: renewed, status: "ACTIVE" });

    const second = newId();
    const response = await post(subscriptionEvent("subscription_created", fields(second, "active", new Date()), { restaurantId: restaurant.id }));
    expect(await response.json()).toMatchObject({ outcome: "rejected", message: expect.stringMatching(/already has subscription/) });
    expect(await subscriptionOf(restaurant.id)).toMatchObject({ lemonSqueezyId: renewed });

    // A late event about the replaced subscription is recognised and left alone.
    const late = await post(subscriptionEvent("subscription_updated", fields(old, "expired", new Date()), { restaurantId: restaurant.id }));
    expect(await late.json()).toMatchObject({ outcome: "ignored", message: expect.stringMatching(/not the restaurant's current one/) });
  });

  it("orders are stored; a refund is audited", async () => {
    const restaurant = await approvedRestaurant();
    const orderId = newId();
    expect((await post(orderEvent("order_created", { id: orderId, status: "paid", updatedAt: new Date(Date.now() - 60_000) }, { restaurantId: restaurant.id }))).status).toBe(200);
    expect((await post(orderEvent("order_refunded", { id: orderId, status: "refunded", updatedAt: new Date() }, { restaurantId: restaurant.id }))).status).toBe(200);
    expect((await eventsFor(orderId)).map((event) => [event.eventName, event.status])).toEqual([
      ["order_created", "PROCESSED"],
      ["order_refunded", "PROCESSED"],
    ]);
    expect(await t.db.auditLog.findFirst({ where: { targetId: restaurant.id, action: "billing.order_refunded" } })).toMatchObject({
      after: expect.objectContaining({ orderId, refundedMinor: 250_000 }),
    });
  });
});
