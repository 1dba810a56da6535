import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import { parseLemonSqueezyWebhook } from "~/schemas/lemon-squeezy-webhook";
import type { Session } from "~/server/auth/session";
import { checkLemonSqueezySignature } from "~/server/integrations/lemon-squeezy/signature";
import { createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The billing sandbox end to end: the owner's tRPC calls drive the sandbox, which posts signed webhooks over real
// HTTP to the webhook route (served here by a local server, as `next start` serves it), which mirrors them into
// Subscription and Invoice rows. A restaurant's whole billing life runs this way, offline.

let t: TestDatabase;
vi.mock("~/server/db", () => ({ db: t.db }));

const SECRET = "sandbox-test-signing-secret";
const CARD = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: "Bilal Ahmed" };
const DAY = 86_400_000;

type Delivery = { eventName: string | null; signature: string | null; body: string; status: number };
let deliveries: Delivery[] = [];
let webhookServer: Server;
let site: string;
let createCaller: typeof import("~/server/api/root").createCaller;
let owner: User;
let stranger: User;

beforeAll(async () => {
  t = await createTestDatabase();
  webhookServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const { POST } = await import("~/../app/api/webhooks/lemon-squeezy/route");
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
        const answer = await POST(new Request(`${site}${request.url}`, { method: "POST", headers, body }));
        deliveries.push({ eventName: headers.get("x-event-name"), signature: headers.get("x-signature"), body, status: answer.status });
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(await answer.text());
      })();
    });
  });
  await new Promise<void>((resolve) => webhookServer.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}`;

  vi.stubEnv("LEMONSQUEEZY_API_KEY", undefined);
  vi.stubEnv("LEMONSQUEEZY_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("SITE_URL", site);
  vi.stubEnv("BILLING_MONTHLY_FEE_PKR", "2500");
  vi.stubEnv("BILLING_PRODUCT_FEE_PKR", "50");
  vi.resetModules();
  createCaller = (await import("~/server/api/root")).createCaller;
  owner = await createUser(t.db, { email: "sana.sandbox@example.com", name: "Sana" });
  stranger = await createUser(t.db);
});

afterAll(async () => {
  await new Promise<void>((resolve) => webhookServer.close(() => resolve()));
  vi.unstubAllEnvs();
});

const callerAs = (session: Session | null, now = new Date()) => createCaller({ db: t.db, session, requestId: "test-request", now: () => now });

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  throw new Error("expected the call to fail");
}

/** An approved restaurant in its trial with two dishes, one of them hidden: one published product. */
async function approvedRestaurant(): Promise<Restaurant> {
  const restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  await t.db.product.createMany({
    data: [
      { restaurantId: restaurant.id, categoryId: category.id, name: "Karahi", priceMinor: 150_000, position: 1 },
      { restaurantId: restaurant.id, categoryId: category.id, name: "Nihari", priceMinor: 120_000, position: 2, availability: "HIDDEN" },
    ],
  });
  return restaurant;
}

async function subscribe(restaurant: Restaurant) {
  const { url } = await callerAs(sessionOf(owner)).billing.checkout({ restaurantId: restaurant.id });
  const checkoutId = new URL(url).pathname.split("/").pop() ?? "";
  return { url, checkoutId };
}

const mirrorOf = (restaurantId: string) => t.db.subscription.findUniqueOrThrow({ where: { restaurantId }, include: { invoices: { orderBy: { issuedAt: "asc" } } } });
const overviewOf = (restaurantId: string, now = new Date()) => callerAs(sessionOf(owner), now).billing.overview({ restaurantId });

describe("the billing sandbox's webhooks", () => {
  it("are signed with the webhook secret and pass the webhook's own Zod schemas, with X-Event-Name matching the body", async () => {
    deliveries = [];
    const restaurant = await approvedRestaurant();
    const { checkoutId } = await subscribe(restaurant);
    await callerAs(sessionOf(owner)).billingSandbox.pay({ checkoutId, card: CARD });
    const subscriptionId = Number((await mirrorOf(restaurant.id)).lemonSqueezyId);
    for (const action of ["fail-payment", "recover", "cancel", "resume", "cancel", "expire"] as const) {
      await callerAs(sessionOf(owner)).billingSandbox.act({ subscriptionId, action });
    }

    expect(deliveries.map((delivery) => delivery.eventName)).toEqual([
      "order_created",
      "subscription_created",
      "subscription_payment_success",
      "subscription_payment_failed",
      "subscription_updated",
      "subscription_payment_success",
      "subscription_payment_recovered",
      "subscription_updated",
      "subscription_cancelled",
      "subscription_resumed",
      "subscription_cancelled",
      "subscription_expired",
    ]);
    for (const delivery of deliveries) {
      expect(delivery.status, delivery.eventName ?? "").toBe(200);
      expect(checkLemonSqueezySignature(SECRET, delivery.body, delivery.signature)).toEqual({ ok: true });
      const parsed = parseLemonSqueezyWebhook(JSON.parse(delivery.body));
      expect(parsed.ok && parsed.event !== null, delivery.eventName ?? "").toBe(true);
      if (!parsed.ok || !parsed.event) continue;
      expect(parsed.envelope.eventName).toBe(delivery.eventName);
      expect(parsed.event.restaurantId).toBe(restaurant.id);
    }
    // Every change is a newer version of the subscription: nothing is taken for a replay or an older event.
    const events = await t.db.webhookEvent.findMany({ where: { restaurantId: restaurant.id } });
    expect(events).toHaveLength(deliveries.length);
    expect(events.filter((event) => event.status !== "PROCESSED")).toEqual([]);
  });

  it("are refused by a route that verifies with another secret, and the sandbox says so", async () => {
    const { createSandboxDelivery, WEBHOOK_PATH } = await import("~/server/services/billing-sandbox/sandbox-webhook-sender");
    const deliver = createSandboxDelivery(new URL(WEBHOOK_PATH, site).toString(), "not-the-route-secret");
    await expect(deliver({ eventName: "subscription_updated", body: JSON.stringify({ meta: { event_name: "subscription_updated" } }) })).rejects.toThrow(
      /The sandbox's subscription_updated webhook to .+ answered 401: Invalid X-Signature/,
    );
  });
});

describe("a restaurant's whole billing life through the sandbox", () => {
  it("trial → subscribe → payment failed → recovered → cancelled → resumed → cancelled → expired", async () => {
    const restaurant = await approvedRestaurant();
    const caller = callerAs(sessionOf(owner));

    // In the trial: no subscription, the menu live on the trial, Subscribe offered; the price is 2,500 + 1 × 50.
    let overview = await overviewOf(restaurant.id);
    expect(overview).toMatchObject({
      driver: "sandbox",
      subscription: null,
      access: { live: true, basis: "TRIAL" },
      trial: { daysLeft: 7 },
      price: { currency: "PKR", monthlyFeeMinor: 250_000, productFeeMinor: 5_000, publishedProducts: 1, productsMinor: 5_000, totalMinor: 255_000 },
      invoices: [],
      actions: { subscribe: true, cancel: false, resume: false, updatePaymentMethod: false },
    });

    // Subscribe: a sandbox checkout on this site, with the owner's email and the prices.
    const { url, checkoutId } = await subscribe(restaurant);
    expect(url).toBe(`${site}/billing/sandbox/checkout/${checkoutId}`);
    expect(await caller.billingSandbox.checkout({ checkoutId })).toMatchObject({
      email: "sana.sandbox@example.com",
      restaurant: { id: restaurant.id },
      monthlyFeeMinor: 250_000,
      productFeeMinor: 5_000,
      publishedProducts: 1,
      paidAt: null,
    });
    const paid = await caller.billingSandbox.pay({ checkoutId, card: CARD });
    expect(paid.redirectUrl).toBe(`${site}/dashboard/restaurants/${restaurant.id}/billing?checkout=done`);

    let mirror = await mirrorOf(restaurant.id);
    expect(mirror).toMatchObject({
      lemonSqueezyId: String(paid.subscriptionId),
      status: "ACTIVE",
      cardBrand: "visa",
      cardLastFour: "4242",
      updatePaymentMethodUrl: `${site}/billing/sandbox/subscriptions/${paid.subscriptionId}#payment-method`,
      customerPortalUrl: `${site}/billing/sandbox/subscriptions/${paid.subscriptionId}`,
      subscriptionItemId: expect.stringMatching(/^\d+$/),
      endsAt: null,
    });
    expect(mirror.invoices).toEqual([expect.objectContaining({ billingReason: "initial", status: "paid", currency: "PKR", totalMinor: 250_000 })]);
    expect(await errorOf(caller.billingSandbox.pay({ checkoutId, card: CARD }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already been paid/) });
    expect(await errorOf(caller.billing.checkout({ restaurantId: restaurant.id }))).toMatchObject({ code: "CONFLICT" });

    // The trial has since run out: from here on the subscription alone decides.
    await t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialEndsAt: new Date(Date.now() - DAY) } });
    expect((await overviewOf(restaurant.id)).access).toMatchObject({ live: true, basis: "SUBSCRIPTION", until: null });

    // The next payment fails: past due, live through the grace period, the owner emailed with the days left.
    const subscriptionId = paid.subscriptionId;
    await caller.billingSandbox.act({ subscriptionId, action: "fail-payment" });
    mirror = await mirrorOf(restaurant.id);
    expect(mirror.status).toBe("PAST_DUE");
    expect(mirror.invoices.map((invoice) => [invoice.billingReason, invoice.status, invoice.totalMinor])).toEqual([
      ["initial", "paid", 250_000],
      ["renewal", "pending", 255_000],
    ]);
    const graceEnd = new Date(mirror.pastDueSince!.getTime() + 7 * DAY);
    overview = await overviewOf(restaurant.id);
    expect(overview).toMatchObject({
      access: { live: true, basis: "GRACE_PERIOD", until: graceEnd },
      subscription: { status: "PAST_DUE", graceEndsAt: graceEnd, graceDaysLeft: 7 },
      actions: { subscribe: false, cancel: true, resume: false, updatePaymentMethod: true },
    });
    expect((await overviewOf(restaurant.id, new Date(graceEnd.getTime() + 1))).access).toMatchObject({ live: false, reason: "GRACE_ENDED", paymentRequired: true });
    expect(await t.db.emailMessage.count({ where: { restaurantId: restaurant.id, template: "payment-failed" } })).toBe(1);
    expect(await errorOf(caller.billingSandbox.act({ subscriptionId, action: "fail-payment" }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: `Only an active subscription has a next payment to fail; subscription #${subscriptionId} is past due.`,
    });

    // Recovered: the same invoice paid, active again.
    await caller.billingSandbox.act({ subscriptionId, action: "recover" });
    mirror = await mirrorOf(restaurant.id);
    expect(mirror).toMatchObject({ status: "ACTIVE", pastDueSince: null });
    expect(mirror.invoices.map((invoice) => invoice.status)).toEqual(["paid", "paid"]);
    expect((await overviewOf(restaurant.id)).access).toMatchObject({ live: true, basis: "SUBSCRIPTION" });
    expect(await t.db.emailMessage.count({ where: { restaurantId: restaurant.id, template: "payment-recovered" } })).toBe(1);

    // Cancelled from the billing page: live until the paid period ends; resumable until then.
    await caller.billing.cancel({ restaurantId: restaurant.id });
    mirror = await mirrorOf(restaurant.id);
    expect(mirror.status).toBe("CANCELLED");
    expect(mirror.endsAt).toEqual(mirror.renewsAt);
    overview = await overviewOf(restaurant.id);
    expect(overview).toMatchObject({ access: { live: true, basis: "CANCELLED_PERIOD", until: mirror.endsAt }, actions: { subscribe: false, cancel: false, resume: true } });
    await caller.billing.resume({ restaurantId: restaurant.id });
    expect((await mirrorOf(restaurant.id)).status).toBe("ACTIVE");
    await caller.billing.cancel({ restaurantId: restaurant.id });
    expect((await mirrorOf(restaurant.id)).status).toBe("CANCELLED");

    // Expired: offline, payment required, Subscribe offered again.
    await caller.billingSandbox.act({ subscriptionId, action: "expire" });
    mirror = await mirrorOf(restaurant.id);
    expect(mirror.status).toBe("EXPIRED");
    overview = await overviewOf(restaurant.id);
    expect(overview).toMatchObject({
      access: { live: false, reason: "SUBSCRIPTION_INACTIVE", paymentRequired: true },
      actions: { subscribe: true, cancel: false, resume: false, updatePaymentMethod: false },
    });
    expect(overview.invoices).toHaveLength(2);
    expect(await t.db.webhookEvent.count({ where: { restaurantId: restaurant.id, status: { not: "PROCESSED" } } })).toBe(0);
  });
});

describe("who may drive the sandbox", () => {
  it("is the restaurant's owner only; a bad card changes nothing", async () => {
    const restaurant = await approvedRestaurant();
    const { checkoutId } = await subscribe(restaurant);
    const other = callerAs(sessionOf(stranger));
    expect(await errorOf(other.billingSandbox.checkout({ checkoutId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(other.billingSandbox.pay({ checkoutId, card: CARD }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(callerAs(null).billingSandbox.pay({ checkoutId, card: CARD }))).toMatchObject({ code: "UNAUTHORIZED" });

    const badCard = await errorOf(callerAs(sessionOf(owner)).billingSandbox.pay({ checkoutId, card: { ...CARD, number: "4242 4242 4242 4241" } }));
    expect(badCard).toEqual({ code: "BAD_REQUEST", message: "card: This card number is not valid: check the digits" });
    const expired = await errorOf(callerAs(sessionOf(owner)).billingSandbox.pay({ checkoutId, card: { ...CARD, expiry: "01 / 20" } }));
    expect(expired.message).toMatch(/This card has expired/);
    expect(await t.db.sandboxSubscription.count({ where: { restaurantId: restaurant.id } })).toBe(0);
    expect(await t.db.subscription.count({ where: { restaurantId: restaurant.id } })).toBe(0);

    const { subscriptionId } = await callerAs(sessionOf(owner)).billingSandbox.pay({ checkoutId, card: CARD });
    expect(await errorOf(other.billingSandbox.subscription({ subscriptionId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(other.billingSandbox.act({ subscriptionId, action: "cancel" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(other.billingSandbox.updateCard({ subscriptionId, card: CARD }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(other.billing.cancel({ restaurantId: restaurant.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await mirrorOf(restaurant.id)).status).toBe("ACTIVE");

    // The owner's card update reaches our mirror.
    await callerAs(sessionOf(owner)).billingSandbox.updateCard({ subscriptionId, card: { ...CARD, number: "5555 5555 5555 4444" } });
    expect(await mirrorOf(restaurant.id)).toMatchObject({ cardBrand: "mastercard", cardLastFour: "4444" });
  });
});
