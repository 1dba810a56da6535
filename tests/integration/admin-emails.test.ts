import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { enqueueEmail } from "~/server/services/email/enqueue-email";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let admin: User;
let owner: User;
let restaurantId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, { role: "ADMIN" });
  owner = await createUser(t.db, { email: "owner@example.com" });
  restaurantId = (await createRestaurant(t.db, owner.id, { name: "Quetta Chai Stop" })).id;
});

const asAdmin = () => callerFor(t.db, sessionOf(admin));

async function email(status: "PENDING" | "SENT" | "FAILED", to: string, dedupeKey: string) {
  const id = await t.db.$transaction((tx) =>
    enqueueEmail(tx, { template: "trial-ended", to, subject: `Subject for ${to}`, html: "<p>Body</p>", text: "Body", dedupeKey, restaurantId }),
  );
  if (!id) throw new Error("not queued");
  if (status !== "PENDING") {
    await t.db.emailMessage.update({
      where: { id },
      data: { status, attempts: 2, lastError: status === "FAILED" ? "422 validation_error" : null, sentAt: status === "SENT" ? new Date() : null },
    });
  }
  return id;
}

const jobsFor = async (emailId: string) =>
  (await t.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = 'emails' AND data->>'emailId' = ${emailId}`)[0]?.count;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

describe("the admin outbox", () => {
  it("refuses owners and anonymous callers, and changes nothing for them", async () => {
    const failed = await email("FAILED", "refused@example.com", "refused");
    const asOwner = callerFor(t.db, sessionOf(owner));
    expect(await codeOf(asOwner.admin.emails.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(asOwner.admin.emails.resend({ emailId: failed }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(t.db, null).admin.emails.resend({ emailId: failed }))).toBe("UNAUTHORIZED");
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id: failed } })).toMatchObject({ status: "FAILED" });
    expect(await jobsFor(failed)).toBe(1n);
  });

  it("lists newest first with status, attempts, error and restaurant, filtered by status and recipient", async () => {
    await email("SENT", "list-sent@example.com", "list-sent");
    await email("FAILED", "list-failed@example.com", "list-failed");
    const all = await asAdmin().admin.emails.list({ limit: 100 });
    expect(all.items[0]).toMatchObject({ to: "list-failed@example.com", status: "FAILED", attempts: 2, lastError: "422 validation_error", restaurant: { id: restaurantId, name: "Quetta Chai Stop" } });
    expect(all.items[0]).not.toHaveProperty("html");
    const failed = await asAdmin().admin.emails.list({ status: "FAILED", limit: 100 });
    expect(failed.items.every((item) => item.status === "FAILED")).toBe(true);
    expect((await asAdmin().admin.emails.list({ search: "LIST-SENT", limit: 100 })).items.map((item) => item.to)).toEqual(["list-sent@example.com"]);
    // "%" is a character to find, not a wildcard.
    expect((await asAdmin().admin.emails.list({ search: "%", limit: 100 })).items).toEqual([]);
    const firstPage = await asAdmin().admin.emails.list({ limit: 1 });
    const secondPage = await asAdmin().admin.emails.list({ limit: 1, cursor: firstPage.nextCursor });
    expect(secondPage.items[0]?.id).not.toBe(firstPage.items[0]?.id);
  });

  it("queues a failed email again as the same message, and records who did it", async () => {
    const failed = await email("FAILED", "again@example.com", "failed-once");
    await expect(asAdmin().admin.emails.resend({ emailId: failed })).resolves.toEqual({ emailId: failed, copied: false });
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id: failed } })).toMatchObject({ status: "PENDING", dedupeKey: "failed-once" });
    expect(await jobsFor(failed)).toBe(2n);
    expect(await t.db.auditLog.findFirst({ where: { targetType: "email", targetId: failed } })).toMatchObject({ action: "email.requeued", actorId: admin.id });
    // It is being delivered now: a second click is refused rather than queueing it twice.
    expect(await codeOf(asAdmin().admin.emails.resend({ emailId: failed }))).toBe("PRECONDITION_FAILED");
  });

  it("sends a delivered email again as a new message with its own dedupe key", async () => {
    const sent = await email("SENT", "copy@example.com", "sent-once");
    const { emailId, copied } = await asAdmin().admin.emails.resend({ emailId: sent });
    expect(copied).toBe(true);
    const copy = await t.db.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
    expect(copy).toMatchObject({ status: "PENDING", to: "copy@example.com", subject: "Subject for copy@example.com", template: "trial-ended", restaurantId, attempts: 0 });
    expect(copy.dedupeKey).toMatch(new RegExp(`^resend:${sent}:`));
    expect(await jobsFor(emailId)).toBe(1n);
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id: sent } })).toMatchObject({ status: "SENT" });
    expect(await t.db.auditLog.findFirst({ where: { targetType: "email", targetId: sent } })).toMatchObject({ action: "email.resent", after: { copyId: emailId } });
  });

  it("answers NOT_FOUND for an email that does not exist", async () => {
    expect(await codeOf(asAdmin().admin.emails.resend({ emailId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });
});
