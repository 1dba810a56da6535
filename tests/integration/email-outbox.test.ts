import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { createDb } from "~/server/db-client";
import { createLocalMailboxSender } from "~/server/integrations/email/local-mailbox";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { createLocalModelStorage } from "~/server/integrations/model-storage/local-model-storage";
import { startJobRunner } from "~/server/jobs/job-runner";
import { deliverEmail, EmailDeliveryRetryError } from "~/server/services/email/deliver-email";
import { enqueueEmail, type EmailToQueue } from "~/server/services/email/enqueue-email";
import { requeueStaleEmails, STALE_EMAIL_MS } from "~/server/services/email/sweep-emails";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { scriptedSender } from "../helpers/email";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let owner: User;
let admin: User;
let mailboxDir: string;

const T0 = new Date("2026-11-01T10:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "owner@example.com", name: "Ayesha" });
  admin = await createUser(t.db, { role: "ADMIN", email: "admin@example.com" });
  mailboxDir = await mkdtemp(path.join(tmpdir(), "foodar-outbox-mailbox-"));
});

afterAll(async () => {
  await rm(mailboxDir, { recursive: true, force: true });
});

let counter = 0;
function message(overrides: Partial<EmailToQueue> = {}): EmailToQueue {
  counter += 1;
  return { template: "test", to: "someone@example.com", subject: `Hello ${counter}`, html: "<p>Hello</p>", text: "Hello", dedupeKey: `test:${counter}`, ...overrides };
}

const jobsFor = async (emailId: string) =>
  (await t.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = 'emails' AND data->>'emailId' = ${emailId}`)[0]?.count;

const emailsOf = (restaurantId: string) => t.db.emailMessage.findMany({ where: { restaurantId }, orderBy: [{ createdAt: "asc" }, { to: "asc" }] });

describe("queueing", () => {
  it("writes the message and its delivery job in the caller's transaction", async () => {
    const id = await t.db.$transaction((tx) => enqueueEmail(tx, message({ dedupeKey: "queued-once" })));
    expect(id).toEqual(expect.any(String));
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id: id ?? "" } })).toMatchObject({ status: "PENDING", attempts: 0, dedupeKey: "queued-once" });
    expect(await jobsFor(id ?? "")).toBe(1n);
  });

  it("queues a duplicate dedupe key once, without breaking the transaction it runs in", async () => {
    const [first, second, afterwards] = await t.db.$transaction(async (tx) => {
      const a = await enqueueEmail(tx, message({ dedupeKey: "reminder:r1:3" }));
      const b = await enqueueEmail(tx, message({ dedupeKey: "reminder:r1:3", subject: "Again" }));
      // The transaction is still usable after the conflict.
      const c = await tx.emailMessage.count({ where: { dedupeKey: "reminder:r1:3" } });
      return [a, b, c];
    });
    expect(second).toBeNull();
    expect(afterwards).toBe(1);
    // And in a later transaction too (a schedule that runs twice).
    expect(await t.db.$transaction((tx) => enqueueEmail(tx, message({ dedupeKey: "reminder:r1:3" })))).toBeNull();
    expect(await t.db.emailMessage.count({ where: { dedupeKey: "reminder:r1:3" } })).toBe(1);
    expect(await jobsFor(first ?? "")).toBe(1n);
    expect(await t.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = 'emails' AND data->>'emailId' NOT IN (SELECT id::text FROM "EmailMessage")`).toEqual([{ count: 0n }]);
  });

  it("queues nothing when the transaction rolls back", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueEmail(tx, message({ dedupeKey: "rolled-back" }));
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(await t.db.emailMessage.count({ where: { dedupeKey: "rolled-back" } })).toBe(0);
  });

  it("refuses a dedupe key longer than Resend accepts as an Idempotency-Key", async () => {
    await expect(t.db.$transaction((tx) => enqueueEmail(tx, message({ dedupeKey: "k".repeat(257) })))).rejects.toThrow(/1 to 256 characters/);
  });
});

describe("delivery", () => {
  async function queued(overrides: Partial<EmailToQueue> = {}) {
    const id = await t.db.$transaction((tx) => enqueueEmail(tx, message(overrides)));
    if (!id) throw new Error("not queued");
    return id;
  }

  it("retries a failing provider: two failures recorded, the third attempt sends it exactly once", async () => {
    const id = await queued({ dedupeKey: "flaky-provider" });
    const provider = scriptedSender({ failures: 2 });
    const attempt = (lastAttempt = false) => deliverEmail(t.db, provider.sender, id, { lastAttempt, now: () => T0 });

    await expect(attempt()).rejects.toBeInstanceOf(EmailDeliveryRetryError);
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 1, lastError: "provider down (1)", sentAt: null });
    await expect(attempt()).rejects.toBeInstanceOf(EmailDeliveryRetryError);
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 2, lastError: "provider down (2)" });
    await expect(attempt()).resolves.toBe("sent");
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 3,
      lastError: null,
      providerMessageId: "provider-1",
      sentAt: T0,
    });
    // A late duplicate job (or the last retry of a job that timed out) sends nothing more.
    await expect(attempt(true)).resolves.toBe("skipped");
    expect(provider.accepted.map((email) => email.idempotencyKey)).toEqual(["flaky-provider"]);
    expect(provider.calls()).toBe(3);
  });

  it("marks a message the provider refuses as FAILED at once, without a retry", async () => {
    const id = await queued();
    const provider = scriptedSender({ failures: 1, permanent: true });
    await expect(deliverEmail(t.db, provider.sender, id, { lastAttempt: false })).resolves.toBe("failed");
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: 1, lastError: "provider down (1)" });
    await expect(deliverEmail(t.db, scriptedSender().sender, id, { lastAttempt: false })).resolves.toBe("skipped");
  });

  it("marks it FAILED when the last attempt fails too", async () => {
    const id = await queued();
    await expect(deliverEmail(t.db, scriptedSender({ failures: 1 }).sender, id, { lastAttempt: true })).resolves.toBe("failed");
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("sends once when two workers deliver the same message at the same time", async () => {
    const id = await queued();
    const provider = scriptedSender({ delayMs: 300 });
    const other = createDb(t.url);
    try {
      const outcomes = await Promise.all([
        deliverEmail(t.db, provider.sender, id, { lastAttempt: false }),
        deliverEmail(other, provider.sender, id, { lastAttempt: false }),
      ]);
      expect(outcomes.toSorted()).toEqual(["sent", "skipped"]);
    } finally {
      await other.$disconnect();
    }
    expect(provider.accepted).toHaveLength(1);
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("re-queues a message whose job was lost, and leaves fresh, sent and failed ones alone", async () => {
    const now = new Date();
    const lost = await queued();
    const fresh = await queued();
    const sent = await queued();
    await deliverEmail(t.db, scriptedSender().sender, sent, { lastAttempt: false });
    const old = new Date(now.getTime() - STALE_EMAIL_MS - 60_000);
    await t.db.emailMessage.updateMany({ where: { id: { in: [lost, sent] } }, data: { updatedAt: old } });
    await t.db.$executeRaw`DELETE FROM pgboss.job WHERE data->>'emailId' = ${lost}`;

    const { requeued } = await requeueStaleEmails(t.db, now);
    expect(requeued).toBeGreaterThanOrEqual(1);
    expect(await jobsFor(lost)).toBe(1n);
    expect(await jobsFor(fresh)).toBe(1n);
    expect(await jobsFor(sent)).toBe(1n);
    expect((await t.db.emailMessage.findUniqueOrThrow({ where: { id: lost } })).updatedAt).toEqual(now);
    // Touched: the next sweep leaves it to the job it just queued.
    expect((await requeueStaleEmails(t.db, now)).requeued).toBe(0);
  });
});

describe("the review flow's emails", () => {
  const asOwner = (now = T0) => callerFor(t.db, sessionOf(owner), () => now);
  const asAdmin = (now = T0) => callerFor(t.db, sessionOf(admin), () => now);

  it("tells every admin about a submission, and the owner about the approval with the trial's end", async () => {
    const secondAdmin = await createUser(t.db, { role: "ADMIN", email: "Second.Admin@Example.com" });
    const created = await asOwner().restaurants.create({ name: "Lahore Tikka House", city: "Lahore" });
    await asOwner().restaurants.submit({ restaurantId: created.id });
    const submitted = await emailsOf(created.id);
    expect(submitted.map((email) => [email.template, email.to])).toEqual([
      ["restaurant-submitted", "admin@example.com"],
      ["restaurant-submitted", "second.admin@example.com"],
    ]);
    expect(submitted[0]?.text).toContain("Lahore Tikka House was submitted by Ayesha (owner@example.com)");
    expect(submitted[0]?.text).toContain(`/admin/restaurants/${created.id}`);
    await t.db.user.update({ where: { id: secondAdmin.id }, data: { role: "OWNER" } });

    const approvedAt = new Date(T0.getTime() + 60 * 60_000);
    await asAdmin(approvedAt).admin.approve({ restaurantId: created.id });
    const approved = (await emailsOf(created.id)).filter((email) => email.template === "restaurant-approved");
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ to: "owner@example.com", status: "PENDING", subject: "Lahore Tikka House is approved: your free trial has started" });
    // Approved at 11:00 UTC = 16:00 in Pakistan; the trial ends 7 days later.
    expect(approved[0]?.text).toMatch(/Trial ends: 8 November 2026 at 4:00\spm Pakistan time/);
  });

  it("tells the owner why it was rejected, and the admins again when it is resubmitted", async () => {
    const created = await asOwner().restaurants.create({ name: "Peshawar Chapli" });
    await asOwner().restaurants.submit({ restaurantId: created.id });
    await asAdmin().admin.reject({ restaurantId: created.id, reason: "Add the address so customers can find you" });
    const rejected = (await emailsOf(created.id)).filter((email) => email.template === "restaurant-rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.to).toBe("owner@example.com");
    expect(rejected[0]?.text).toContain("Add the address so customers can find you");

    await asOwner(new Date(T0.getTime() + 60_000)).restaurants.submit({ restaurantId: created.id });
    const toAdmins = (await emailsOf(created.id)).filter((email) => email.template === "restaurant-submitted");
    expect(toAdmins).toHaveLength(2);
    expect(toAdmins[1]?.text).toContain("was changed and submitted again");
  });

  it("queues nothing when the review decision rolls back", async () => {
    const restaurant = await createRestaurant(t.db, owner.id, { name: "Rolled Back Biryani", reviewState: "PENDING" });
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW WHEN (NEW."targetId" = '${restaurant.id}') EXECUTE FUNCTION refuse_audit();`);
    await expect(asAdmin().admin.approve({ restaurantId: restaurant.id })).rejects.toThrow();
    expect(await emailsOf(restaurant.id)).toEqual([]);
    expect(await t.db.restaurant.findUniqueOrThrow({ where: { id: restaurant.id } })).toMatchObject({ reviewState: "PENDING" });
  });

  it("sends nothing to an owner whose account was deleted", async () => {
    const gone = await createUser(t.db, { email: "gone@example.com" });
    const restaurant = await createRestaurant(t.db, gone.id, { reviewState: "PENDING" });
    await t.db.user.update({ where: { id: gone.id }, data: { deletedAt: T0 } });
    await asAdmin().admin.approve({ restaurantId: restaurant.id });
    expect(await emailsOf(restaurant.id)).toEqual([]);
  });
});

describe("on pg-boss", () => {
  it("delivers a queued email to the local mailbox through the job runner", async () => {
    const id = await t.db.$transaction((tx) => enqueueEmail(tx, message({ to: "runner@example.com", subject: "Through the runner" })));
    const runner = await startJobRunner({
      connectionString: t.url,
      removers: {},
      modelStorage: createLocalModelStorage({ root: path.join(tmpdir(), "foodar-email-models-unused"), secret: "s".repeat(32) }),
      emailSender: createLocalMailboxSender({ dir: mailboxDir }),
      usageReporter: createSandboxUsageReporter({ dir: path.join(tmpdir(), "foodar-email-usage-unused") }),
      modelTimeoutMs: 30_000,
      pollingIntervalSeconds: 0.5,
    });
    try {
      expect((await runner.boss.getSchedules()).map((schedule) => schedule.name)).toContain("emails-sweep");
      const deadline = Date.now() + 15_000;
      while ((await t.db.emailMessage.findUniqueOrThrow({ where: { id: id ?? "" } })).status !== "SENT" && Date.now() < deadline) await sleep(200);
      expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id: id ?? "" } })).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: expect.stringMatching(/^local-/) });
      expect((await readdir(mailboxDir)).filter((name) => name.endsWith(".eml")).length).toBeGreaterThanOrEqual(1);
    } finally {
      await runner.stop();
    }
  });
});
