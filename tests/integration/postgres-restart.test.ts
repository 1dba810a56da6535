import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "~/server/auth/session";
import { createDb, type Db } from "~/server/db-client";
import type { EmailSender } from "~/server/integrations/email/email-sender";
import { migrate } from "~/server/db/migrate";
import { signLemonSqueezyBody } from "~/server/integrations/lemon-squeezy/signature";
import { EMAILS_QUEUE, prepareJobQueues } from "~/server/jobs/job-queues";
import type { JobRunner } from "~/server/jobs/job-runner";
import { prepareRateLimitTable } from "~/server/rate-limit/rate-limit-table";
import { ensureDatabase, freePort, startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { createRestaurant, createUser } from "../helpers/factories";
import { captureLogs } from "../helpers/captured-logs";
import { subscriptionEvent } from "../helpers/lemon-squeezy-events";
import { until } from "../helpers/until";

// PostgreSQL goes away in the middle of sustained load and comes back. This file runs its own PostgreSQL (the
// shared test server must not be restarted under the other files), migrated like production, and calls the real
// route handlers in-process, loaded once against it: the same module graph, and so the same database client,
// serves before, during and after the outage. The job runner (as JOBS_IN_PROCESS starts it) runs throughout too and
// must deliver every email the applied events put in the outbox.

// The dashboard's owner: signed in for every tRPC call (how a session is read is tested elsewhere).
let ownerSession: Session | null = null;
vi.mock("~/server/auth/get-session", () => ({ getSession: async () => ownerSession }));

const SECRET = "postgres-restart-signing-secret";
const WEBHOOK_URL = "http://localhost:3000/api/webhooks/lemon-squeezy";
const RESTAURANTS = 16;
const SENDERS = 8;
/** Owners editing their menu at the same time, through the real tRPC route (row-level security included). */
const EDITORS = 2;
const DAY = 86_400_000;

let server: RunningPostgres;
let folder: string;
let dataDir: string;
let port: number;
let url: string;
/** The test's own client, for setup and for reading the outcome; the routes use the app's. */
let check: Db;
let GET: () => Promise<Response>;
let POST: (request: Request) => Promise<Response>;
let TRPC: (request: Request) => Promise<Response>;
let logs: ReturnType<typeof captureLogs>;
let runner: JobRunner | null = null;
/** A provider that keeps Resend's Idempotency-Key promise: the same key gets the first send's id. */
const sentByKey = new Map<string, string>();
let sends = 0;
/** When set, the next send is accepted and then held until released: a delivery in flight when PostgreSQL stops. */
let holdNextSend: { held: () => void; release: Promise<void> } | null = null;
const sender: EmailSender = {
  driver: "local",
  async send(email) {
    sends += 1;
    if (!sentByKey.has(email.idempotencyKey)) sentByKey.set(email.idempotencyKey, `sent-${sentByKey.size + 1}`);
    const hold = holdNextSend;
    if (hold) {
      holdNextSend = null;
      hold.held();
      await hold.release;
    }
    return { providerMessageId: sentByKey.get(email.idempotencyKey) ?? "" };
  },
};

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "foodar-pg-restart-"));
  // PostgreSQL may run as another user than the test (see embedded-postgres.ts).
  await chmod(folder, 0o755);
  dataDir = path.join(folder, "data");
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir, port });
  url = await ensureDatabase(server.connectionString, "foodar");
  await migrate(url);
  await prepareJobQueues(url);
  await prepareRateLimitTable(url);
  check = createDb(url);

  vi.stubEnv("DATABASE_URL", url);
  vi.stubEnv("LEMONSQUEEZY_WEBHOOK_SECRET", SECRET);
  vi.resetModules();
  GET = (await import("~/../app/api/health/route")).GET;
  POST = (await import("~/../app/api/webhooks/lemon-squeezy/route")).POST;
  TRPC = (await import("~/../app/api/trpc/[trpc]/route")).POST;
  // The routes' own logger (a fresh module graph): kept for the assertions instead of flooding the output.
  logs = captureLogs((await import("~/server/log/logger")).writeLogsTo);

  const { startJobRunner } = await import("~/server/jobs/job-runner");
  const { createLocalModelStorage } = await import("~/server/integrations/model-storage/local-model-storage");
  const { createSandboxUsageReporter } = await import("~/server/integrations/lemon-squeezy/sandbox-usage-reporter");
  runner = await startJobRunner({
    connectionString: url,
    removers: {},
    modelStorage: createLocalModelStorage({ root: path.join(folder, "models"), secret: "r".repeat(32) }),
    emailSender: sender,
    usageReporter: createSandboxUsageReporter({ dir: path.join(folder, "usage") }),
    modelTimeoutMs: 30_000,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  });
  // Test-only timing for the emails queued from now on: a delivery cut off by the outage is retried after 5 s
  // (production: 2 minutes, then 15 s doubling).
  await check.$executeRaw`UPDATE pgboss.queue SET expire_seconds = 5, retry_delay = 1, retry_backoff = false WHERE name = ${EMAILS_QUEUE}`;
}, 120_000);

afterAll(async () => {
  await runner?.stop().catch(() => {});
  logs?.stop();
  const appDb = (await import("~/server/db")).db;
  await appDb.$disconnect().catch(() => {});
  await check?.$disconnect().catch(() => {});
  await server?.stop();
  vi.unstubAllEnvs();
  vi.resetModules();
  if (folder) await rm(folder, { recursive: true, force: true });
}, 60_000);

type Delivery = {
  restaurantId: string;
  subscriptionId: string;
  sequence: number;
  status: "active" | "past_due" | "on_trial";
  updatedAt: Date;
  body: string;
  eventName: string;
};

type Attempt = { delivery: Delivery; httpStatus: number; outcome: string | null; threw: boolean; phase: Phase };
type Phase = "before" | "down" | "after";


/** Posts one delivery as Next would hand it to the route; a handler that throws is Next's 500. */
async function deliver(delivery: Delivery): Promise<{ httpStatus: number; outcome: string | null; threw: boolean }> {
  const request = new Request(WEBHOOK_URL, {
    method: "POST",
    headers: { "content-type": "application/json", "x-event-name": delivery.eventName, "x-signature": signLemonSqueezyBody(SECRET, delivery.body) },
    body: delivery.body,
  });
  try {
    const response = await POST(request);
    const json = (await response.json()) as { outcome?: string };
    return { httpStatus: response.status, outcome: json.outcome ?? null, threw: false };
  } catch {
    return { httpStatus: 500, outcome: null, threw: true };
  }
}

/** One owner mutation as the dashboard sends it: tRPC over HTTP with superjson. */
async function createCategory(restaurantId: string, name: string): Promise<number> {
  const request = new Request("http://localhost:3000/api/trpc/menu.categories.create", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize({ restaurantId, name })),
  });
  try {
    const response = await TRPC(request);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 500;
  }
}

async function health(): Promise<{ status: number; body: unknown }> {
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

describe("PostgreSQL restarted under load", () => {
  it("answers 503 while it is down, recovers without a restart of the app, and leaves nothing half applied or lost", async () => {
    // Approved restaurants whose trial is over: their subscription decides whether the menu is live.
    const owner = await createUser(check);
    const restaurants: { id: string; subscriptionId: string; next: number; emails: boolean }[] = [];
    for (let index = 0; index < RESTAURANTS; index += 1) {
      const restaurant = await createRestaurant(check, owner.id, { reviewState: "APPROVED" });
      await check.restaurant.update({ where: { id: restaurant.id }, data: { trialStartsAt: new Date(Date.now() - 10 * DAY), trialEndsAt: new Date(Date.now() - 3 * DAY) } });
      restaurants.push({ id: restaurant.id, subscriptionId: String(8_000_000 + index), next: 0, emails: index % 8 === 0 });
    }
    const start = Date.now() - DAY;
    ownerSession = { userId: owner.id, role: owner.role };
    const editedRestaurant = restaurants[1]?.id ?? "";

    // Each restaurant's subscription is created, then updated again and again, each delivery a newer version; one
    // sender at a time per restaurant, as Lemon Squeezy sends a resource's events. Two restaurants go past due and
    // back (a payment-failed and a recovered email each time), the others between trial and active (no email).
    const nextDelivery = (restaurant: (typeof restaurants)[number]): Delivery => {
      const sequence = restaurant.next++;
      const status = sequence % 2 === 0 ? "active" : restaurant.emails ? "past_due" : "on_trial";
      const eventName = sequence === 0 ? "subscription_created" : "subscription_updated";
      const updatedAt = new Date(start + sequence * 60_000);
      const payload = subscriptionEvent(
        eventName,
        { id: restaurant.subscriptionId, status, updatedAt, createdAt: new Date(start - 60_000), renewsAt: new Date(start + 30 * DAY) },
        { restaurantId: restaurant.id },
      );
      return { restaurantId: restaurant.id, subscriptionId: restaurant.subscriptionId, sequence, status, updatedAt, body: JSON.stringify(payload), eventName };
    };

    const attempts: Attempt[] = [];
    let phase: Phase = "before";
    let stopping = false;
    const healthChecks: Record<Phase, Record<number, number>> = { before: {}, down: {}, after: {} };
    const count = (predicate: (attempt: Attempt) => boolean) => attempts.filter(predicate).length;

    const senders = Array.from({ length: SENDERS }, async (_, sender) => {
      const mine = restaurants.filter((_, index) => index % SENDERS === sender);
      while (!stopping) {
        for (const restaurant of mine) {
          if (stopping) break;
          const delivery = nextDelivery(restaurant);
          const sentIn = phase;
          const result = await deliver(delivery);
          attempts.push({ delivery, ...result, phase: sentIn });
          // Lemon Squeezy does not hammer a failing endpoint; neither do we.
          if (result.httpStatus !== 200) await sleep(50);
        }
      }
    });
    // Owners create categories throughout: each call is one row, or (if it failed) none.
    const edits: { name: string; status: number; phase: Phase }[] = [];
    const editors = Array.from({ length: EDITORS }, async (_, editor) => {
      for (let index = 0; !stopping; index += 1) {
        const name = `Load ${editor}-${index}`;
        const sentIn = phase;
        const status = await createCategory(editedRestaurant, name);
        edits.push({ name, status, phase: sentIn });
        await sleep(status === 200 ? 10 : 50);
      }
    });
    // Health is polled throughout, as a load balancer would.
    const prober = (async () => {
      while (!stopping) {
        const { status } = await health();
        const seen = healthChecks[phase];
        seen[status] = (seen[status] ?? 0) + 1;
        await sleep(100);
      }
    })();

    try {
      await until("deliveries before the outage", () => count((attempt) => attempt.httpStatus === 200) >= 2 * RESTAURANTS, { stepMs: 100 });
      expect(await health()).toEqual({ status: 200, body: { status: "ok", db: "ok" } });

      // An email delivery in flight when PostgreSQL goes: the job runner's attempt dies with the connection, and
      // pg-boss cannot record the failure either; the job must be retried after the restart, not lost.
      let releaseSend = () => {};
      const release = new Promise<void>((resolve) => (releaseSend = resolve));
      const held = new Promise<void>((resolve) => (holdNextSend = { held: resolve, release }));
      await held;

      // Fast shutdown (SIGINT): open transactions are rolled back, connections are cut.
      phase = "down";
      await server.stop();
      releaseSend();
      const downSince = attempts.length;
      const whileDown = await health();
      expect(whileDown).toEqual({ status: 503, body: { status: "degraded", db: "unreachable" } });
      await until("deliveries refused while down", () => count((attempt) => attempt.phase === "down" && attempt.httpStatus !== 200) >= 2 * SENDERS, { stepMs: 100 });
      await until("health 503 seen by the prober", () => (healthChecks.down[503] ?? 0) >= 3, { stepMs: 100 });

      server = await startEmbeddedPostgres({ dataDir, port });
      phase = "after";
        // The same route modules and the same client: no reload, no reconnect by hand.
      await until("health back to 200", async () => (await health()).status === 200);
      const recoveredFrom = attempts.length;
      await until(
        "deliveries after the restart",
        () => attempts.slice(recoveredFrom).filter((attempt) => attempt.httpStatus === 200).length >= 2 * RESTAURANTS,
        { stepMs: 100 },
      );
      expect(downSince).toBeGreaterThan(0);
    } finally {
      stopping = true;
      await Promise.all([...senders, ...editors, prober]);
    }

    // Nothing lost, nothing half applied: every acknowledged delivery is stored PROCESSED (or IGNORED) exactly once,
    // and each subscription is in the state of the newest event that was applied, whatever failed around it.
    const stored = await check.webhookEvent.findMany({ select: { dedupeKey: true, status: true, resourceId: true, payload: true } });
    const versionOf = (payload: unknown) => (payload as { data: { attributes: { updated_at: string } } }).data.attributes.updated_at;
    const rowOf = new Map(stored.map((row) => [`${row.resourceId}@${versionOf(row.payload)}`, row]));
    const keyOf = (delivery: Delivery) => `${delivery.subscriptionId}@${(JSON.parse(delivery.body) as { data: { attributes: { updated_at: string } } }).data.attributes.updated_at}`;
    expect(new Set(stored.map((row) => row.dedupeKey)).size).toBe(stored.length);

    const acknowledged = attempts.filter((attempt) => attempt.httpStatus === 200);
    const failed = attempts.filter((attempt) => attempt.httpStatus !== 200);
    for (const attempt of acknowledged) {
      expect(attempt.outcome).toBe("processed");
      expect(rowOf.get(keyOf(attempt.delivery))?.status, keyOf(attempt.delivery)).toBe("PROCESSED");
    }
    // A failed delivery is either not stored, or stored FAILED for its retry; PROCESSED only if it committed and
    // the answer was lost (its retry is then a duplicate).
    const committedButUnacknowledged = failed.filter((attempt) => rowOf.get(keyOf(attempt.delivery))?.status === "PROCESSED").length;
    for (const attempt of failed) expect(["FAILED", "PROCESSED", undefined]).toContain(rowOf.get(keyOf(attempt.delivery))?.status);

    const deliveryOf = (key: string) => attempts.find((attempt) => keyOf(attempt.delivery) === key)?.delivery;
    const expectStateMatchesNewestApplied = async () => {
      const processed = await check.webhookEvent.findMany({ where: { status: "PROCESSED" }, select: { resourceId: true, payload: true } });
      for (const restaurant of restaurants) {
        const versions = processed.filter((row) => row.resourceId === restaurant.subscriptionId).map((row) => versionOf(row.payload));
        const newest = versions.toSorted().at(-1);
        const subscriptions = await check.subscription.findMany({ where: { restaurantId: restaurant.id } });
        expect(subscriptions).toHaveLength(1);
        const newestDelivery = deliveryOf(`${restaurant.subscriptionId}@${newest}`);
        expect(subscriptions[0]?.sourceUpdatedAt.getTime()).toBe(newestDelivery?.updatedAt.getTime());
        expect(subscriptions[0]?.status).toBe(newestDelivery?.status.toUpperCase());
        // One audit entry per change of status among the applied events, in their order: none from a rolled-back
        // attempt, none twice.
        const statuses = versions.toSorted().map((version) => deliveryOf(`${restaurant.subscriptionId}@${version}`)?.status);
        const changes = statuses.filter((status, index) => index === 0 || status !== statuses[index - 1]).length;
        expect(await check.auditLog.count({ where: { targetId: restaurant.id, action: { startsWith: "subscription." } } })).toBe(changes);
      }
      // The outbox: every email written by a transition committed with its delivery job.
      const orphans = await check.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) FROM "EmailMessage" e WHERE NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'emails' AND j.data->>'emailId' = e.id::text)`;
      expect(orphans[0]?.count).toBe(0n);
    };
    await expectStateMatchesNewestApplied();

    // The owners' edits: every acknowledged one is there once, every failed one is not there (or, if it committed
    // and only the answer was lost, once); none twice.
    const categories = await check.category.findMany({ where: { restaurantId: editedRestaurant }, select: { name: true } });
    const categoryCount = new Map<string, number>();
    for (const { name } of categories) categoryCount.set(name, (categoryCount.get(name) ?? 0) + 1);
    expect([...categoryCount.values()].every((count) => count === 1)).toBe(true);
    const editsOk = edits.filter((edit) => edit.status === 200);
    const editsFailed = edits.filter((edit) => edit.status !== 200);
    for (const edit of editsOk) expect(categoryCount.get(edit.name), edit.name).toBe(1);
    const editsCommittedUnacknowledged = editsFailed.filter((edit) => categoryCount.has(edit.name)).length;
    expect(categories.length).toBe(editsOk.length + editsCommittedUnacknowledged);
    expect(editsFailed.filter((edit) => edit.phase === "after")).toEqual([]);
    expect(editsOk.filter((edit) => edit.phase === "after").length).toBeGreaterThan(0);

    // Lemon Squeezy retries every delivery that did not get a 200: each retry now succeeds, once.
    const retries = await Promise.all(failed.map((attempt) => deliver(attempt.delivery)));
    expect(retries.filter((retry) => retry.httpStatus !== 200)).toEqual([]);
    const retryOutcomes: Record<string, number> = {};
    for (const retry of retries) retryOutcomes[retry.outcome ?? "none"] = (retryOutcomes[retry.outcome ?? "none"] ?? 0) + 1;
    expect((retryOutcomes.processed ?? 0) + (retryOutcomes.ignored ?? 0) + (retryOutcomes.duplicate ?? 0)).toBe(failed.length);
    expect(retryOutcomes.duplicate ?? 0).toBe(committedButUnacknowledged);

    const final = await check.webhookEvent.findMany({ select: { status: true } });
    expect(final).toHaveLength(attempts.length);
    expect(final.filter((row) => row.status === "FAILED")).toEqual([]);
    await expectStateMatchesNewestApplied();
    // Every restaurant ends in the state of its last delivery, which was retried if it failed.
    for (const restaurant of restaurants) {
      const last = attempts.filter((attempt) => attempt.delivery.restaurantId === restaurant.id).map((attempt) => attempt.delivery).toSorted((a, b) => a.sequence - b.sequence).at(-1);
      const subscription = await check.subscription.findUniqueOrThrow({ where: { restaurantId: restaurant.id } });
      expect(subscription.sourceUpdatedAt.getTime()).toBe(last?.updatedAt.getTime());
    }
    expect(await health()).toEqual({ status: 200, body: { status: "ok", db: "ok" } });

    // The job runner lived through the outage: every email in the outbox is delivered, each under its own key.
    const outbox = await until(
      "every outbox email to be delivered",
      async () => {
        const rows = await check.emailMessage.findMany({ select: { status: true, dedupeKey: true, providerMessageId: true } });
        return rows.every((row) => row.status === "SENT") ? rows : null;
      },
      { timeoutMs: 90_000, stepMs: 500 },
    );
    expect(outbox.length).toBeGreaterThan(0);
    expect(sentByKey.size).toBe(outbox.length);
    for (const row of outbox) expect(row.providerMessageId).toBe(sentByKey.get(row.dedupeKey));
    // The delivery cut off by the stop: pg-boss could not record its end (logged, not an unhandled rejection that
    // would end the process), it expired and was retried, and went out again under the same key: one message.
    expect(logs.lines().filter((line) => line.msg === "Could not record how a job ended; pg-boss retries it after its expiry").length).toBeGreaterThanOrEqual(1);
    expect(sends).toBeGreaterThan(sentByKey.size);
    const emailJobs = await check.$queryRaw<{ state: string; count: bigint }[]>`
      SELECT state::text, count(*) FROM pgboss.job WHERE name = ${EMAILS_QUEUE} GROUP BY state`;

    // Every failure was answered by the route itself (a JSON 500 that Lemon Squeezy retries) and logged, not thrown.
    const errors = logs.lines().filter((line) => line.level === "error");
    expect(failed.filter((attempt) => attempt.threw)).toEqual([]);
    expect(errors.filter((line) => /^Lemon Squeezy subscription_\w+ failed$/.test(line.msg)).length).toBe(failed.length);
    const audits = await check.auditLog.count({ where: { action: { startsWith: "subscription." } } });
    const byPhase = (which: Phase) => {
      const inPhase = attempts.filter((attempt) => attempt.phase === which);
      return `${inPhase.length} sent, ${inPhase.filter((attempt) => attempt.httpStatus === 200).length} ok, ${inPhase.filter((attempt) => attempt.httpStatus !== 200).length} failed`;
    };
    console.info(
      [
        `postgres-restart: ${attempts.length} signed webhook deliveries from ${SENDERS} concurrent senders over ${RESTAURANTS} subscriptions`,
        `  sent before the stop (some still in flight when it came): ${byPhase("before")}; sent while down: ${byPhase("down")}; after the restart: ${byPhase("after")}`,
        `  owner edits over tRPC (${EDITORS} owners): ${edits.length} sent, ${editsOk.length} ok, ${editsFailed.length} failed (statuses ${JSON.stringify(Object.fromEntries([...new Set(editsFailed.map((edit) => edit.status))].map((status) => [status, editsFailed.filter((edit) => edit.status === status).length])))}); categories stored ${categories.length} = ok + committed-but-unacknowledged ${editsCommittedUnacknowledged}`,
        `  health probes: before ${JSON.stringify(healthChecks.before)}, down ${JSON.stringify(healthChecks.down)}, after ${JSON.stringify(healthChecks.after)}`,
        `  failed deliveries retried: ${failed.length} -> ${JSON.stringify(retryOutcomes)} (committed but unacknowledged: ${committedButUnacknowledged})`,
        `  stored events: ${final.length} (one per delivery), FAILED left: 0, subscriptions: ${RESTAURANTS}, each in its newest state`,
        `  audit entries: ${audits} (one per applied change of state), error log lines: ${errors.length}`,
        `  job runner through the outage: ${outbox.length} outbox emails all SENT, ${sentByKey.size} distinct messages from ${sends} provider calls (a repeat reuses its Idempotency-Key); email jobs ${JSON.stringify(Object.fromEntries(emailJobs.map((row) => [row.state, Number(row.count)])))}`,
      ].join("\n"),
    );
  }, 120_000);

  it("answers a menu edit as done, once, when only the follow-up write after its commit fails", async () => {
    const owner = await createUser(check);
    ownerSession = { userId: owner.id, role: owner.role };
    const restaurant = await createRestaurant(check, owner.id);
    // The cache announcement that follows the edit, in its own transaction, is refused (as when PostgreSQL goes
    // away between the two).
    await check.$executeRawUnsafe(`
      CREATE FUNCTION refuse_announcement() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'announcement refused'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_announcement BEFORE INSERT OR UPDATE ON "CacheTagRevalidation" FOR EACH ROW
        WHEN (NEW.tag LIKE '%${restaurant.slug}%') EXECUTE FUNCTION refuse_announcement();`);
    try {
      expect(await createCategory(restaurant.id, "Starters")).toBe(200);
      expect(await check.category.count({ where: { restaurantId: restaurant.id, name: "Starters" } })).toBe(1);
      expect(logs.lines().some((line) => line.msg === "Menu edited, but its cache announcement and usage report could not be recorded")).toBe(true);
    } finally {
      await check.$executeRawUnsafe(`DROP TRIGGER refuse_announcement ON "CacheTagRevalidation"; DROP FUNCTION refuse_announcement();`);
    }
  });
});
