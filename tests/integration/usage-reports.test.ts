import { randomInt, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import type { SubscriptionStatus } from "~/generated/prisma/enums";
import { createLemonSqueezyUsageReporter } from "~/server/integrations/lemon-squeezy/lemon-squeezy-usage-reporter";
import { createSandboxUsageReporter, readSandboxUsage } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { startBillingJobs } from "~/server/jobs/billing-jobs";
import { JOBS_SCHEMA, USAGE_REPORTS_QUEUE } from "~/server/jobs/job-queues";
import { countPublishedProducts } from "~/server/services/billing/published-products";
import { reconcileUsage } from "~/server/services/billing/reconcile-usage";
import { receiveLemonSqueezyWebhook } from "~/server/services/billing/receive-lemon-squeezy-webhook";
import { reportUsage, UsageReportRetryError, type UsageReportRequest } from "~/server/services/billing/report-usage";
import { suspendRestaurant } from "~/server/services/review/review-restaurants";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { subscriptionEvent } from "../helpers/lemon-squeezy-events";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Published products reported as Lemon Squeezy usage: what counts, when a report is queued, what goes over the
// wire (Lemon Squeezy's API intercepted by msw; any other request fails the test), and that each intended report
// is sent once, recorded, and retried when it failed.

const API_KEY = "test-lemon-squeezy-api-key";
const USAGE_URL = "https://api.lemonsqueezy.com/v1/usage-records";
const NOW = new Date("2026-12-10T06:00:00.000Z");

type Captured = { authorization: string | null; accept: string | null; contentType: string | null; body: unknown };
let captured: Captured[] = [];
/** What the next calls answer, in order; then 201 with a new usage record. */
let scripted: (() => Response)[] = [];
let recordIds = 70_000;

const api = setupServer(
  http.post(USAGE_URL, async ({ request }) => {
    captured.push({
      authorization: request.headers.get("authorization"),
      accept: request.headers.get("accept"),
      contentType: request.headers.get("content-type"),
      body: await request.json(),
    });
    const next = scripted.shift();
    if (next) return next();
    recordIds += 1;
    return HttpResponse.json(
      {
        jsonapi: { version: "1.0" },
        links: { self: `${USAGE_URL}/${recordIds}` },
        data: {
          type: "usage-records",
          id: String(recordIds),
          attributes: { subscription_item_id: 1, quantity: 1, action: "set", created_at: "2026-12-10T06:00:00.000000Z", updated_at: "2026-12-10T06:00:00.000000Z" },
        },
      },
      { status: 201 },
    );
  }),
);

const lemonSqueezy = createLemonSqueezyUsageReporter({ apiKey: API_KEY });

let t: TestDatabase;
let owner: User;
let sandboxDir: string;

beforeAll(async () => {
  api.listen({ onUnhandledRequest: "error" });
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "usage@example.com" });
  sandboxDir = await mkdtemp(path.join(tmpdir(), "foodar-sandbox-usage-"));
});

afterEach(() => {
  captured = [];
  scripted = [];
});

afterAll(async () => {
  api.close();
  await rm(sandboxDir, { recursive: true, force: true });
});

async function restaurantWithMenu(dishes: { available?: number; soldOut?: number; hidden?: number } = {}) {
  const restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const add = (count: number, availability: "AVAILABLE" | "SOLD_OUT" | "HIDDEN") =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name: `${availability} ${i}`, priceMinor: 50_000, availability, position: i } }),
      ),
    );
  await add(dishes.available ?? 0, "AVAILABLE");
  await add(dishes.soldOut ?? 0, "SOLD_OUT");
  await add(dishes.hidden ?? 0, "HIDDEN");
  return { restaurant, category };
}

async function subscribe(restaurant: Restaurant, status: SubscriptionStatus = "ACTIVE", subscriptionItemId: string | null = String(randomInt(1_000_000, 9_999_999))) {
  return t.db.subscription.create({
    data: { restaurantId: restaurant.id, lemonSqueezyId: String(randomInt(1_000_000, 9_999_999)), customerId: "3300001", variantId: "723456", status, subscriptionItemId, sourceUpdatedAt: NOW },
  });
}

const waitingJobs = async (subscriptionId: string) =>
  t.db.$queryRaw<{ data: { subscriptionId: string; reason: string }; startAfter: Date; singletonKey: string }[]>`
    SELECT data, start_after AS "startAfter", singleton_key AS "singletonKey" FROM pgboss.job
    WHERE name = ${USAGE_REPORTS_QUEUE} AND state = 'created' AND data->>'subscriptionId' = ${subscriptionId}`;

const change = (subscriptionId: string, jobId = randomUUID()): UsageReportRequest => ({ subscriptionId, reason: "change", jobId });
const report = (request: UsageReportRequest, lastAttempt = false) => reportUsage(t.db, lemonSqueezy, request, { lastAttempt, now: () => NOW });

describe("published products", () => {
  it("counts visible and sold-out dishes of an approved restaurant, not hidden ones, and nothing once it is suspended", async () => {
    const { restaurant } = await restaurantWithMenu({ available: 3, soldOut: 2, hidden: 4 });
    expect(await countPublishedProducts(t.db, restaurant.id)).toBe(5);
    await t.db.restaurant.update({ where: { id: restaurant.id }, data: { reviewState: "SUSPENDED" } });
    expect(await countPublishedProducts(t.db, restaurant.id)).toBe(0);
  });
});

describe("queueing a report", () => {
  it("queues one debounced report for a burst of menu edits, in the edit's wake, and none without a subscription item", async () => {
    const { restaurant, category } = await restaurantWithMenu();
    const subscription = await subscribe(restaurant);
    const caller = callerFor(t.db, sessionOf(owner));
    const before = Date.now();
    for (const name of ["Karahi", "Nihari", "Haleem"]) {
      await caller.menu.products.create({ restaurantId: restaurant.id, categoryId: category.id, name, priceMinor: 120_000 });
    }
    const jobs = await waitingJobs(subscription.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ data: { subscriptionId: subscription.id, reason: "change" }, singletonKey: `change:${subscription.id}` });
    // Started after the debounce delay, so the edits that follow fold into it.
    expect(jobs[0]!.startAfter.getTime()).toBeGreaterThanOrEqual(before + 25_000);

    const { restaurant: unsubscribed, category: other } = await restaurantWithMenu();
    await caller.menu.products.create({ restaurantId: unsubscribed.id, categoryId: other.id, name: "Free Falooda", priceMinor: 30_000 });
    const itemless = await restaurantWithMenu();
    const noItem = await subscribe(itemless.restaurant, "ACTIVE", null);
    await caller.menu.products.create({ restaurantId: itemless.restaurant.id, categoryId: itemless.category.id, name: "Itemless Imli", priceMinor: 30_000 });
    expect(await waitingJobs(noItem.id)).toEqual([]);
    expect(await t.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = ${USAGE_REPORTS_QUEUE} AND data->>'subscriptionId' IS NULL`).toEqual([{ count: 0n }]);
  });

  it("queues no report for an edit that failed", async () => {
    const { restaurant } = await restaurantWithMenu();
    const subscription = await subscribe(restaurant);
    await expect(
      callerFor(t.db, sessionOf(owner)).menu.products.create({ restaurantId: restaurant.id, categoryId: randomUUID(), name: "Nowhere Naan", priceMinor: 10_000 }),
    ).rejects.toThrow();
    expect(await waitingJobs(subscription.id)).toEqual([]);
  });

  it("queues a report when a subscription event brings a new subscription item, and when an admin suspends the restaurant", async () => {
    const { restaurant } = await restaurantWithMenu({ available: 2 });
    const lemonSqueezyId = String(randomInt(1_000_000, 9_999_999));
    const event = subscriptionEvent("subscription_created", { id: lemonSqueezyId, status: "active", updatedAt: NOW, itemId: 8_812_345 }, { restaurantId: restaurant.id });
    expect(await receiveLemonSqueezyWebhook(t.db, JSON.stringify(event), NOW)).toMatchObject({ status: 200 });
    const subscription = await t.db.subscription.findUniqueOrThrow({ where: { restaurantId: restaurant.id } });
    expect(subscription.subscriptionItemId).toBe("8812345");
    expect(await waitingJobs(subscription.id)).toHaveLength(1);

    await t.db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${USAGE_REPORTS_QUEUE} AND data->>'subscriptionId' = ${subscription.id}`;
    const admin = await createUser(t.db, { role: "ADMIN" });
    await suspendRestaurant(t.db, admin.id, restaurant.id, "Abuse report", NOW);
    expect(await waitingJobs(subscription.id)).toHaveLength(1);
  });
});

describe("reporting through Lemon Squeezy's API", () => {
  it("sets the item's usage to the published products: JSON:API body, action set, the item relationship and the API key", async () => {
    const { restaurant } = await restaurantWithMenu({ available: 4, soldOut: 1, hidden: 2 });
    const subscription = await subscribe(restaurant);
    expect(await report(change(subscription.id))).toBe("reported");

    expect(captured).toEqual([
      {
        authorization: `Bearer ${API_KEY}`,
        accept: "application/vnd.api+json",
        contentType: "application/vnd.api+json",
        body: {
          data: {
            type: "usage-records",
            attributes: { quantity: 5, action: "set" },
            relationships: { "subscription-item": { data: { type: "subscription-items", id: subscription.subscriptionItemId } } },
          },
        },
      },
    ]);
    const [row] = await t.db.usageReport.findMany({ where: { subscriptionId: subscription.id } });
    expect(row).toMatchObject({ quantity: 5, reason: "change", status: "REPORTED", attempts: 1, error: null, lemonSqueezyId: String(recordIds), reportedAt: NOW });
  });

  it("sends a report once when its job runs twice, one after the other or at the same time", async () => {
    const { restaurant } = await restaurantWithMenu({ available: 2 });
    const subscription = await subscribe(restaurant);
    const request = change(subscription.id);
    const outcomes = await Promise.all([report(request), report(request)]);
    expect(outcomes.sort()).toEqual(["reported", "skipped"]);
    expect(await report(request)).toBe("skipped");
    expect(captured).toHaveLength(1);
    expect(await t.db.usageReport.count({ where: { subscriptionId: subscription.id } })).toBe(1);
  });

  it("reports a change only when the count differs from the one last reported to the item", async () => {
    const { restaurant, category } = await restaurantWithMenu({ available: 2 });
    const subscription = await subscribe(restaurant);
    expect(await report(change(subscription.id))).toBe("reported");
    expect(await report(change(subscription.id))).toBe("unchanged");
    await t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name: "Third", priceMinor: 1, position: 9 } });
    expect(await report(change(subscription.id))).toBe("reported");
    expect(captured.map((call) => (call.body as { data: { attributes: { quantity: number } } }).data.attributes.quantity)).toEqual([2, 3]);

    // A replacing subscription has a new item, which has been told nothing yet.
    await t.db.subscription.update({ where: { id: subscription.id }, data: { subscriptionItemId: "7654321" } });
    expect(await report(change(subscription.id))).toBe("reported");
    expect(captured).toHaveLength(3);
  });

  it("records a failed attempt and retries it; a refusal is not retried; the last attempt gives up", async () => {
    const { restaurant } = await restaurantWithMenu({ available: 3 });
    const subscription = await subscribe(restaurant);

    const flaky = change(subscription.id);
    scripted = [() => HttpResponse.json({ errors: [{ status: "503", title: "Service Unavailable" }] }, { status: 503 }), () => HttpResponse.error()];
    await expect(report(flaky)).rejects.toBeInstanceOf(UsageReportRetryError);
    expect(await t.db.usageReport.findFirstOrThrow({ where: { subscriptionId: subscription.id } })).toMatchObject({ status: "PENDING", attempts: 1, error: expect.stringContaining("503") });
    await expect(report(flaky)).rejects.toBeInstanceOf(UsageReportRetryError);
    expect(await report(flaky)).toBe("reported");
    expect(await t.db.usageReport.findFirstOrThrow({ where: { subscriptionId: subscription.id } })).toMatchObject({ status: "REPORTED", attempts: 3, error: null, quantity: 3 });

    const { restaurant: refusedRestaurant } = await restaurantWithMenu({ available: 1 });
    const refusedSubscription = await subscribe(refusedRestaurant);
    scripted = [() => HttpResponse.json({ errors: [{ status: "422", title: "Unprocessable Entity", detail: "The subscription item is not usage-based." }] }, { status: 422 })];
    expect(await report(change(refusedSubscription.id))).toBe("failed");
    expect(await t.db.usageReport.findFirstOrThrow({ where: { subscriptionId: refusedSubscription.id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
      error: expect.stringContaining("not usage-based"),
    });

    const { restaurant: lastRestaurant } = await restaurantWithMenu({ available: 1 });
    const lastSubscription = await subscribe(lastRestaurant);
    const last = change(lastSubscription.id);
    scripted = [() => HttpResponse.json({ message: "Too Many Attempts." }, { status: 429 })];
    expect(await report(last, true)).toBe("failed");
    expect(await t.db.usageReport.findFirstOrThrow({ where: { subscriptionId: lastSubscription.id } })).toMatchObject({ status: "FAILED", error: expect.stringContaining("429") });
    // Given up on: the same job run again sends nothing; the next change or the reconcile reports the count.
    expect(await report(last)).toBe("skipped");
    expect(captured).toHaveLength(5);
  });

  it("refuses to set a zero usage, which Lemon Squeezy does not accept, without calling it", async () => {
    const { restaurant } = await restaurantWithMenu({ hidden: 3 });
    const subscription = await subscribe(restaurant);
    expect(await report(change(subscription.id))).toBe("failed");
    expect(captured).toEqual([]);
    expect(await t.db.usageReport.findFirstOrThrow({ where: { subscriptionId: subscription.id } })).toMatchObject({
      status: "FAILED",
      quantity: 0,
      error: expect.stringContaining("positive usage quantity"),
    });
  });

  it("reports nothing for a subscription that is no longer billed", async () => {
    for (const status of ["EXPIRED", "CANCELLED", "PAUSED", "UNPAID"] as const) {
      const { restaurant } = await restaurantWithMenu({ available: 1 });
      expect(await report(change((await subscribe(restaurant, status)).id))).toBe("skipped");
    }
    expect(captured).toEqual([]);
  });
});

describe("the daily reconcile", () => {
  it("queues one report per billed subscription with an item, once a day however often it runs, and each sends whatever the count did", async () => {
    const billed = await Promise.all(
      (["ACTIVE", "ON_TRIAL", "PAST_DUE"] as const).map(async (status) => subscribe((await restaurantWithMenu({ available: 2 })).restaurant, status)),
    );
    const unbilled = await Promise.all([
      subscribe((await restaurantWithMenu({ available: 2 })).restaurant, "EXPIRED"),
      subscribe((await restaurantWithMenu({ available: 2 })).restaurant, "ACTIVE", null),
    ]);
    // Earlier tests left billed subscriptions too: only those of this test are looked at.
    const runs = await Promise.all([reconcileUsage(t.db, NOW), reconcileUsage(t.db, NOW)]);
    expect(runs[0].queued + runs[1].queued).toBeGreaterThanOrEqual(billed.length);
    for (const subscription of billed) {
      const jobs = await waitingJobs(subscription.id);
      expect(jobs.filter((job) => job.data.reason === "reconcile")).toEqual([
        expect.objectContaining({ data: { subscriptionId: subscription.id, reason: "reconcile", day: "2026-12-10" } }),
      ]);
    }
    for (const subscription of unbilled) expect(await waitingJobs(subscription.id)).toEqual([]);

    const [active] = billed;
    expect(await report(change(active!.id))).toBe("reported");
    const reconcile: UsageReportRequest = { subscriptionId: active!.id, reason: "reconcile", day: "2026-12-10" };
    expect(await report(reconcile)).toBe("reported");
    expect(await report(reconcile)).toBe("skipped");
    expect(await report({ ...reconcile, day: "2026-12-11" })).toBe("reported");
    expect(captured).toHaveLength(3);
    expect((await t.db.usageReport.findMany({ where: { subscriptionId: active!.id }, orderBy: { createdAt: "asc" } })).map((row) => row.reason)).toEqual([
      "change",
      "reconcile",
      "reconcile",
    ]);
  });
});

describe("the sandbox driver", () => {
  it("keeps each report once per idempotency key in the sandbox's records, and the latest is the item's usage", async () => {
    let clock = NOW.getTime();
    const sandbox = createSandboxUsageReporter({ dir: sandboxDir, now: () => new Date((clock += 1000)) });
    const { restaurant, category } = await restaurantWithMenu({ available: 2 });
    const subscription = await subscribe(restaurant);
    const request = change(subscription.id);
    const outcomes = await Promise.all([
      reportUsage(t.db, sandbox, request, { lastAttempt: false }),
      reportUsage(t.db, sandbox, request, { lastAttempt: false }),
    ]);
    expect(outcomes.sort()).toEqual(["reported", "skipped"]);
    // Two workers sending the same key at once (a report whose recording was lost) leave one record.
    const item = subscription.subscriptionItemId!;
    const [a, b] = await Promise.all([0, 1].map(() => sandbox.setUsage({ subscriptionItemId: item, quantity: 2, idempotencyKey: "same-key" })));
    expect(a).toEqual(b);

    await t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name: "Third", priceMinor: 1, position: 9 } });
    expect(await reportUsage(t.db, sandbox, change(subscription.id), { lastAttempt: false })).toBe("reported");
    const records = await readSandboxUsage(sandboxDir, item);
    expect(records.map((record) => [record.quantity, record.action])).toEqual([
      [2, "set"],
      [2, "set"],
      [3, "set"],
    ]);
    const row = await t.db.usageReport.findFirstOrThrow({ where: { subscriptionId: subscription.id, quantity: 3 } });
    expect(row.lemonSqueezyId).toBe(records.at(-1)?.id);
    expect(captured).toEqual([]);
  });

  it("runs as the usage-reports job", async () => {
    const { restaurant } = await restaurantWithMenu({ available: 6 });
    const subscription = await subscribe(restaurant);
    const boss = new PgBoss({ connectionString: t.url, schema: JOBS_SCHEMA });
    boss.on("error", (error) => console.error(error));
    await boss.start();
    try {
      await startBillingJobs(boss, t.db, { usageReporter: createSandboxUsageReporter({ dir: sandboxDir }), pollingIntervalSeconds: 0.5, now: () => NOW });
      await boss.send(USAGE_REPORTS_QUEUE, { subscriptionId: subscription.id, reason: "change" });
      const deadline = Date.now() + 15_000;
      const reported = () => t.db.usageReport.findFirst({ where: { subscriptionId: subscription.id, status: "REPORTED" } });
      while (!(await reported()) && Date.now() < deadline) await sleep(200);
      expect(await reported()).toMatchObject({ quantity: 6, reason: "change", idempotencyKey: expect.stringMatching(new RegExp(`^usage:${subscription.subscriptionItemId}:job:`)) });
      expect((await readSandboxUsage(sandboxDir, subscription.subscriptionItemId!)).map((record) => record.quantity)).toEqual([6]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
