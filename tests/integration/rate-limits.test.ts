import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "~/server/auth/session";
import { signLemonSqueezyBody } from "~/server/integrations/lemon-squeezy/signature";
import { captureLogs } from "../helpers/captured-logs";
import { orderEvent } from "../helpers/lemon-squeezy-events";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The limits through the public surface, on the PostgreSQL store of this file's database: route handlers called as
// Next calls them, tRPC procedures as the app's client calls them. Every limit is 3 here, so N+1 is the 4th.
const LIMIT = 3;
let t: TestDatabase;
let session: Session | null = null;
vi.mock("~/server/db", () => ({ db: t.db }));
vi.mock("~/server/auth/get-session", () => ({ getSession: async () => session }));
vi.mock("~/server/rate-limit/limits", () => {
  const limit = (what: string) => ({ points: 3, durationSeconds: 60, what });
  return {
    RATE_LIMITS: {
      menuEvents: limit("analytics batches"),
      signIn: limit("sign-in attempts"),
      webhooks: limit("webhook deliveries"),
      mutations: limit("changes"),
      uploads: limit("uploads"),
    },
  };
});

type Handler = (request: Request) => Promise<Response>;
type Routes = { beacon: Handler; signIn: Handler; lemonSqueezy: Handler; clerk: Handler; media: Handler; model: Handler };
const SECRET = "rate-limit-test-signing-secret";
const SITE = "http://localhost:3000";
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** One "app instance": the routes with module state of their own (their own limiter store and pool). */
async function startInstance(): Promise<Routes> {
  vi.resetModules();
  return {
    beacon: (await import("~/../app/api/menu-events/route")).POST,
    signIn: (await import("~/../app/api/auth/local/sign-in/route")).POST,
    lemonSqueezy: (await import("~/../app/api/webhooks/lemon-squeezy/route")).POST,
    clerk: (await import("~/../app/api/webhooks/clerk/route")).POST,
    media: (await import("~/../app/api/uploads/media/route")).POST,
    model: (await import("~/../app/api/uploads/model/route")).POST,
  };
}

let app: Routes;
let factories: typeof import("../helpers/factories");
let trpcHttp: typeof import("../helpers/trpc-http");
let restaurantId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  vi.stubEnv("RATE_LIMITS", "on");
  // The limiter store's own pool connects here; the routes' Prisma client is the mocked one above.
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("AUTH_MODE", "local");
  vi.stubEnv("LEMONSQUEEZY_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("CLERK_WEBHOOK_SIGNING_SECRET", "");
  app = await startInstance();
  factories = await import("../helpers/factories");
  trpcHttp = await import("../helpers/trpc-http");
  const owner = await factories.createUser(t.db);
  const restaurant = await factories.createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  await t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialEndsAt: new Date(Date.now() + 7 * 86_400_000) } });
  restaurantId = restaurant.id;
});

let nextIp = 1;
/** A client address no other test has used, so each test starts from a zero count. */
const freshIp = () => `198.51.100.${nextIp++}`;

function beacon(ip: string) {
  return new Request(`${SITE}/api/menu-events`, {
    method: "POST",
    headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": PHONE, "x-forwarded-for": `${ip}, 10.0.0.1` },
    body: JSON.stringify({ restaurantId, events: [{ type: "MENU_VIEW" }] }),
  });
}

async function menuViews() {
  const rows = await t.db.menuDailyStat.findMany({ where: { restaurantId, event: "MENU_VIEW" } });
  return rows.reduce((sum, row) => sum + row.count, 0);
}

async function expectTooManyRequests(response: Response, what: string) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await response.json()) as { error: string; retryAfterSeconds: number };
  expect(body.error).toBe(`Too many ${what} in a short time. Please wait ${retryAfter} seconds and try again.`);
  expect(body.retryAfterSeconds).toBe(retryAfter);
}

describe("per IP on public routes", () => {
  it("refuses the analytics beacon's N+1-th batch from one address with 429 and counts nothing; another address is unaffected", async () => {
    const ip = freshIp();
    const before = await menuViews();
    for (let i = 0; i < LIMIT; i++) expect((await app.beacon(beacon(ip))).status).toBe(204);
    expect(await menuViews()).toBe(before + LIMIT);

    await expectTooManyRequests(await app.beacon(beacon(ip)), "analytics batches");
    expect(await menuViews()).toBe(before + LIMIT);

    expect((await app.beacon(beacon(freshIp()))).status).toBe(204);
    expect(await menuViews()).toBe(before + LIMIT + 1);
  });

  it("reads x-real-ip when there is no x-forwarded-for", async () => {
    const ip = freshIp();
    const request = () => new Request(`${SITE}/api/menu-events`, { method: "POST", headers: { "user-agent": PHONE, "x-real-ip": ip }, body: "{}" });
    for (let i = 0; i < LIMIT; i++) expect((await app.beacon(request())).status).not.toBe(429);
    expect((await app.beacon(request())).status).toBe(429);
    expect((await app.beacon(beacon(freshIp()))).status).toBe(204);
  });

  it("refuses the N+1-th local sign-in from one address before any user is created", async () => {
    const ip = freshIp();
    const signIn = (email: string, from = ip) =>
      app.signIn(
        new Request(`${SITE}/api/auth/local/sign-in`, {
          method: "POST",
          headers: { "x-forwarded-for": from },
          body: new URLSearchParams({ email }),
        }),
      );
    for (let i = 0; i < LIMIT; i++) expect((await signIn(`guest-${randomUUID()}@example.com`)).status).toBe(303);

    const refusedEmail = `refused-${randomUUID()}@example.com`;
    await expectTooManyRequests(await signIn(refusedEmail), "sign-in attempts");
    expect(await t.db.user.count({ where: { email: refusedEmail } })).toBe(0);

    expect((await signIn(refusedEmail, freshIp())).status).toBe(303);
    expect(await t.db.user.count({ where: { email: refusedEmail } })).toBe(1);
  });

  it("refuses the N+1-th Lemon Squeezy delivery from one address without storing it (Lemon Squeezy retries it later)", async () => {
    const ip = freshIp();
    const deliver = (from = ip) => {
      const body = JSON.stringify(orderEvent("order_created", { id: String(Math.floor(Math.random() * 1e9)), status: "paid", updatedAt: new Date() }));
      return app.lemonSqueezy(
        new Request(`${SITE}/api/webhooks/lemon-squeezy`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-event-name": "order_created", "x-signature": signLemonSqueezyBody(SECRET, body), "x-forwarded-for": from },
          body,
        }),
      );
    };
    for (let i = 0; i < LIMIT; i++) expect((await deliver()).status).toBe(200);
    const stored = await t.db.webhookEvent.count();

    await expectTooManyRequests(await deliver(), "webhook deliveries");
    expect(await t.db.webhookEvent.count()).toBe(stored);

    expect((await deliver(freshIp())).status).toBe(200);
    expect(await t.db.webhookEvent.count()).toBe(stored + 1);
  });

  it("counts the Clerk webhook's deliveries too", async () => {
    const ip = freshIp();
    const deliver = () => app.clerk(new Request(`${SITE}/api/webhooks/clerk`, { method: "POST", headers: { "x-forwarded-for": ip }, body: "{}" }));
    // Without a signing secret the route answers 503 (Svix retries); the deliveries are counted all the same.
    for (let i = 0; i < LIMIT; i++) expect((await deliver()).status).toBe(503);
    await expectTooManyRequests(await deliver(), "webhook deliveries");
  });
});

describe("per user on uploads", () => {
  const upload = (route: Handler, kind: "media" | "model") =>
    route(new Request(`${SITE}/api/uploads/${kind}?restaurantId=not-a-uuid`, { method: "POST", headers: { "x-forwarded-for": "203.0.113.9" }, body: "x" }));

  it("counts photos, videos and models together per user, and refuses the N+1-th before reading it", async () => {
    const owner = await factories.createUser(t.db);
    const other = await factories.createUser(t.db);
    session = factories.sessionOf(owner);
    for (let i = 0; i < LIMIT - 1; i++) expect((await upload(app.media, "media")).status).toBe(400);
    expect((await upload(app.model, "model")).status).toBe(400);
    await expectTooManyRequests(await upload(app.media, "media"), "uploads");
    await expectTooManyRequests(await upload(app.model, "model"), "uploads");

    // Same address, another owner: counted on their own.
    session = factories.sessionOf(other);
    expect((await upload(app.media, "media")).status).toBe(400);
    session = null;
  });
});

describe("per user on tRPC mutations", () => {
  it("answers the N+1-th mutation TOO_MANY_REQUESTS with the wait in data, changes nothing, and leaves queries and other users alone", async () => {
    const owner = await factories.createUser(t.db);
    const restaurant = await factories.createRestaurant(t.db, owner.id);
    const caller = factories.callerFor(t.db, factories.sessionOf(owner));
    for (let i = 0; i < LIMIT; i++) await caller.tables.create({ restaurantId: restaurant.id, label: `Table ${i + 1}` });

    const refused = await caller.tables.create({ restaurantId: restaurant.id, label: "One too many" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    expect(await t.db.restaurantTable.count({ where: { restaurantId: restaurant.id } })).toBe(LIMIT);

    // What the browser gets: 429, the same sentence, and the wait in data.retryAfterSeconds.
    const ctx = { db: t.db, session: factories.sessionOf(owner), requestId: "rate-limit-test", now: () => new Date() };
    const overHttp = await trpcHttp.callOverHttp(ctx, "tables.create", { restaurantId: restaurant.id, label: "Still too many" });
    expect(overHttp.status).toBe(429);
    expect(overHttp.error?.data.code).toBe("TOO_MANY_REQUESTS");
    const retryAfter = overHttp.error?.data.retryAfterSeconds ?? 0;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(overHttp.error?.message).toBe(`Too many changes in a short time. Please wait ${retryAfter} seconds and try again.`);
    expect(await t.db.restaurantTable.count({ where: { restaurantId: restaurant.id } })).toBe(LIMIT);

    // Queries are not limited.
    for (let i = 0; i < LIMIT + 2; i++) expect(await caller.tables.list({ restaurantId: restaurant.id })).toHaveLength(LIMIT);

    const other = await factories.createUser(t.db);
    const theirs = await factories.createRestaurant(t.db, other.id);
    await factories.callerFor(t.db, factories.sessionOf(other)).tables.create({ restaurantId: theirs.id, label: "Table 1" });
  });
});

describe("two app instances on one PostgreSQL", () => {
  it("share one count", async () => {
    const second = await startInstance();
    const ip = freshIp();
    expect((await app.beacon(beacon(ip))).status).toBe(204);
    expect((await second.beacon(beacon(ip))).status).toBe(204);
    expect((await app.beacon(beacon(ip))).status).toBe(204);
    expect((await second.beacon(beacon(ip))).status).toBe(429);
    expect((await app.beacon(beacon(ip))).status).toBe(429);
  });
});

describe("when the store fails", () => {
  it("lets requests through (fail open) and logs why", async () => {
    // Nothing listens on port 1: every count fails.
    vi.stubEnv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nothing");
    const broken = await startInstance();
    vi.stubEnv("DATABASE_URL", t.url);
    // The logger of the modules this instance loaded (startInstance re-imports them).
    const logs = captureLogs((await import("~/server/log/logger")).writeLogsTo);
    const ip = freshIp();
    const before = await menuViews();
    for (let i = 0; i < LIMIT + 1; i++) expect((await broken.beacon(beacon(ip))).status).toBe(204);
    expect(await menuViews()).toBe(before + LIMIT + 1);
    logs.stop();
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: "error", limiter: "foodar-rl:menuEvents", msg: "Rate limit store failed; allowing the request" }));
  });
});
