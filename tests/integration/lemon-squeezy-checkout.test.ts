import { randomUUID } from "node:crypto";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import type { Session } from "~/server/auth/session";
import { createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The billing page's calls to Lemon Squeezy, through its SDK, against an msw-intercepted API: every request must be
// one the test expects (onUnhandledRequest: "error"), and each handler checks what Lemon Squeezy checks.

const API = "https://api.lemonsqueezy.com/v1";
const API_KEY = "ls-test-api-key";
const STORE_ID = "41234";
const VARIANT_ID = "723456";
const SITE = "https://foodar.example.com";

let t: TestDatabase;
let createCaller: typeof import("~/server/api/root").createCaller;
let owner: User;
let approved: Restaurant;

const server = setupServer();
type Captured = { method: string; url: string; authorization: string | null; accept: string | null; contentType: string | null; body: unknown };
let captured: Captured[] = [];

async function capture(request: Request) {
  const text = request.method === "DELETE" ? "" : await request.text();
  captured.push({
    method: request.method,
    url: request.url,
    authorization: request.headers.get("authorization"),
    accept: request.headers.get("accept"),
    contentType: request.headers.get("content-type"),
    body: text ? (JSON.parse(text) as unknown) : null,
  });
}

const checkoutUrl = "https://foodar.lemonsqueezy.com/checkout/custom/0d8c1d5e-4f7a-4e0f-9a5f-6f3b2c1e0a99?signature=abc";

function checkoutResponse(body: { data: { attributes: Record<string, unknown> } }) {
  return {
    jsonapi: { version: "1.0" },
    links: { self: `${API}/checkouts/0d8c1d5e-4f7a-4e0f-9a5f-6f3b2c1e0a99` },
    data: {
      type: "checkouts",
      id: "0d8c1d5e-4f7a-4e0f-9a5f-6f3b2c1e0a99",
      attributes: {
        store_id: Number(STORE_ID),
        variant_id: Number(VARIANT_ID),
        custom_price: null,
        ...body.data.attributes,
        preview: false,
        expires_at: null,
        created_at: "2026-11-22T10:00:00.000000Z",
        updated_at: "2026-11-22T10:00:00.000000Z",
        test_mode: true,
        url: checkoutUrl,
      },
      relationships: {
        store: { links: { related: `${API}/checkouts/x/store`, self: `${API}/checkouts/x/relationships/store` } },
        variant: { links: { related: `${API}/checkouts/x/variant`, self: `${API}/checkouts/x/relationships/variant` } },
      },
      links: { self: `${API}/checkouts/0d8c1d5e-4f7a-4e0f-9a5f-6f3b2c1e0a99` },
    },
  };
}

const subscriptionResponse = (id: string, status: string) => ({
  jsonapi: { version: "1.0" },
  data: { type: "subscriptions", id, attributes: { status, cancelled: status === "cancelled" }, links: { self: `${API}/subscriptions/${id}` } },
});

beforeAll(async () => {
  t = await createTestDatabase();
  vi.stubEnv("LEMONSQUEEZY_API_KEY", API_KEY);
  vi.stubEnv("LEMONSQUEEZY_STORE_ID", STORE_ID);
  vi.stubEnv("LEMONSQUEEZY_VARIANT_ID", VARIANT_ID);
  vi.stubEnv("LEMONSQUEEZY_WEBHOOK_SECRET", "a-lemon-squeezy-signing-secret");
  vi.stubEnv("SITE_URL", SITE);
  vi.resetModules();
  createCaller = (await import("~/server/api/root")).createCaller;
  owner = await createUser(t.db, { email: "bilal.checkout@example.com", name: "Bilal Ahmed" });
  approved = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  server.listen({ onUnhandledRequest: "error" });
});

afterEach(() => {
  server.resetHandlers();
  captured = [];
});

afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

const callerAs = (session: Session | null) => createCaller({ db: t.db, session, requestId: "test-request", now: () => new Date() });

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  throw new Error("expected the call to fail");
}

async function mirroredSubscription(restaurantId: string, status: "ACTIVE" | "CANCELLED", endsAt: Date | null = null) {
  const lemonSqueezyId = String(1_000_000 + Math.floor(Math.random() * 8_000_000));
  await t.db.subscription.create({
    data: {
      restaurantId,
      lemonSqueezyId,
      customerId: "3300001",
      variantId: VARIANT_ID,
      status,
      renewsAt: new Date(Date.now() + 20 * 86_400_000),
      endsAt,
      sourceUpdatedAt: new Date(),
    },
  });
  return lemonSqueezyId;
}

describe("billing.checkout through Lemon Squeezy's API", () => {
  it("creates a checkout for the store's variant with the restaurant in custom data, the owner's email and the way back", async () => {
    server.use(
      http.post(`${API}/checkouts`, async ({ request }) => {
        await capture(request.clone());
        return HttpResponse.json(checkoutResponse((await request.json()) as { data: { attributes: Record<string, unknown> } }), { status: 201 });
      }),
    );
    const result = await callerAs(sessionOf(owner)).billing.checkout({ restaurantId: approved.id });
    expect(result).toEqual({ url: checkoutUrl });

    expect(captured).toHaveLength(1);
    const [request] = captured;
    expect(request).toMatchObject({ method: "POST", url: `${API}/checkouts`, authorization: `Bearer ${API_KEY}`, accept: "application/vnd.api+json", contentType: "application/vnd.api+json" });
    expect(request?.body).toEqual({
      data: {
        type: "checkouts",
        attributes: {
          product_options: {
            redirect_url: `${SITE}/dashboard/restaurants/${approved.id}/billing?checkout=done`,
            enabled_variants: [Number(VARIANT_ID)],
          },
          checkout_data: {
            email: "bilal.checkout@example.com",
            name: "Bilal Ahmed",
            // The key the webhook reads as meta.custom_data.restaurant_id.
            custom: { restaurant_id: approved.id },
          },
        },
        relationships: {
          store: { data: { type: "stores", id: STORE_ID } },
          variant: { data: { type: "variants", id: VARIANT_ID } },
        },
      },
    });
  });

  it("passes Lemon Squeezy's refusal on with its detail (502), and an outage or a bad key with a plain message", async () => {
    server.use(
      http.post(`${API}/checkouts`, () =>
        HttpResponse.json(
          { jsonapi: { version: "1.0" }, errors: [{ detail: "The selected variant is invalid.", source: { pointer: "/data/relationships/variant" }, status: "422", title: "Unprocessable Entity" }] },
          { status: 422 },
        ),
      ),
    );
    const refused = await errorOf(callerAs(sessionOf(owner)).billing.checkout({ restaurantId: approved.id }));
    expect(refused).toEqual({
      code: "BAD_GATEWAY",
      message: "Lemon Squeezy refused creating the checkout (422): The selected variant is invalid. (/data/relationships/variant)",
    });

    server.use(http.post(`${API}/checkouts`, () => HttpResponse.json({ jsonapi: { version: "1.0" }, errors: [{ detail: "Unauthenticated.", status: "401" }] }, { status: 401 })));
    expect(await errorOf(callerAs(sessionOf(owner)).billing.checkout({ restaurantId: approved.id }))).toMatchObject({
      code: "BAD_GATEWAY",
      message: expect.stringMatching(/refused the API key while creating the checkout \(401\)/),
    });

    server.use(http.post(`${API}/checkouts`, () => HttpResponse.error()));
    expect(await errorOf(callerAs(sessionOf(owner)).billing.checkout({ restaurantId: approved.id }))).toMatchObject({
      code: "BAD_GATEWAY",
      message: expect.stringMatching(/^Lemon Squeezy could not be reached while creating the checkout: .+ Please try again in a minute\.$/),
    });
  });

  it("refuses before calling Lemon Squeezy: unapproved restaurants, a running subscription, other owners and anonymous callers", async () => {
    let calls = 0;
    server.use(
      http.post(`${API}/checkouts`, () => {
        calls++;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const draft = await createRestaurant(t.db, owner.id);
    expect(await errorOf(callerAs(sessionOf(owner)).billing.checkout({ restaurantId: draft.id }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Submit the restaurant for review first: only approved restaurants can subscribe.",
    });
    const pending = await createRestaurant(t.db, owner.id, { reviewState: "PENDING" });
    expect(await errorOf(callerAs(sessionOf(owner)).billing.checkout({ restaurantId: pending.id }))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/waiting for review/) });

    const subscribed = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
    await mirroredSubscription(subscribed.id, "ACTIVE");
    expect(await errorOf(callerAs(sessionOf(owner)).billing.checkout({ restaurantId: subscribed.id }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already has a subscription/) });

    const stranger = await createUser(t.db);
    expect(await errorOf(callerAs(sessionOf(stranger)).billing.checkout({ restaurantId: approved.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(callerAs(null).billing.checkout({ restaurantId: approved.id }))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await errorOf(callerAs(sessionOf(owner)).billing.checkout({ restaurantId: "not-a-uuid" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(calls).toBe(0);
  });
});

describe("billing.cancel and billing.resume through Lemon Squeezy's API", () => {
  it("cancels with DELETE /v1/subscriptions/:id and resumes with PATCH cancelled: false, leaving our row to the webhook", async () => {
    const restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
    const id = await mirroredSubscription(restaurant.id, "ACTIVE");
    server.use(
      http.delete(`${API}/subscriptions/:id`, async ({ request, params }) => {
        await capture(request);
        return HttpResponse.json(subscriptionResponse(String(params.id), "cancelled"));
      }),
      http.patch(`${API}/subscriptions/:id`, async ({ request, params }) => {
        await capture(request);
        return HttpResponse.json(subscriptionResponse(String(params.id), "active"));
      }),
    );
    await callerAs(sessionOf(owner)).billing.cancel({ restaurantId: restaurant.id });
    expect(captured).toEqual([expect.objectContaining({ method: "DELETE", url: `${API}/subscriptions/${id}`, authorization: `Bearer ${API_KEY}` })]);
    // Our mirror changes when Lemon Squeezy's subscription_cancelled arrives, not before.
    expect((await t.db.subscription.findUniqueOrThrow({ where: { lemonSqueezyId: id } })).status).toBe("ACTIVE");

    // Resuming needs a cancelled subscription in its paid period.
    expect(await errorOf(callerAs(sessionOf(owner)).billing.resume({ restaurantId: restaurant.id }))).toMatchObject({ code: "PRECONDITION_FAILED" });
    await t.db.subscription.update({ where: { lemonSqueezyId: id }, data: { status: "CANCELLED", endsAt: new Date(Date.now() + 10 * 86_400_000) } });
    captured = [];
    await callerAs(sessionOf(owner)).billing.resume({ restaurantId: restaurant.id });
    expect(captured).toEqual([
      expect.objectContaining({
        method: "PATCH",
        url: `${API}/subscriptions/${id}`,
        authorization: `Bearer ${API_KEY}`,
        body: { data: { type: "subscriptions", id, attributes: { cancelled: false } } },
      }),
    ]);
  });

  it("reports a refused cancellation and refuses to cancel what is not there", async () => {
    const restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
    expect(await errorOf(callerAs(sessionOf(owner)).billing.cancel({ restaurantId: restaurant.id }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "This restaurant has no subscription to cancel.",
    });
    await mirroredSubscription(restaurant.id, "ACTIVE");
    server.use(http.delete(`${API}/subscriptions/:id`, () => HttpResponse.json({ errors: [{ detail: "The subscription could not be found.", status: "404" }] }, { status: 404 })));
    expect(await errorOf(callerAs(sessionOf(owner)).billing.cancel({ restaurantId: restaurant.id }))).toEqual({
      code: "BAD_GATEWAY",
      message: "Lemon Squeezy refused cancelling the subscription (404): The subscription could not be found.",
    });
  });
});

describe("the billing sandbox with Lemon Squeezy configured", () => {
  it("does not exist: its procedures are not found", async () => {
    expect(await errorOf(callerAs(sessionOf(owner)).billingSandbox.checkout({ checkoutId: randomUUID() }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/sandbox is off/) });
    expect(await errorOf(callerAs(sessionOf(owner)).billingSandbox.act({ subscriptionId: 1, action: "cancel" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
