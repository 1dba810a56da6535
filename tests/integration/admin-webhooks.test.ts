import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { receiveLemonSqueezyWebhook } from "~/server/services/billing/receive-lemon-squeezy-webhook";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { invoiceEvent, subscriptionEvent } from "../helpers/lemon-squeezy-events";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// admin.webhooks: the stored deliveries and "Re-process", for admins only.
let t: TestDatabase;
let admin: User;
let owner: User;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, { role: "ADMIN" });
  owner = await createUser(t.db);
});

const newId = () => String(randomInt(1_000_000, 9_999_999));
const receive = (payload: unknown) => receiveLemonSqueezyWebhook(t.db, JSON.stringify(payload), new Date());
const asAdmin = () => callerFor(t.db, sessionOf(admin));

/** A payment that arrived before its subscription: stored FAILED, as Lemon Squeezy's first attempt leaves it. */
async function failedPayment() {
  const restaurant = await createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
  const subscriptionId = newId();
  const invoiceId = newId();
  const updatedAt = new Date(Date.now() - 60_000);
  const result = await receive(invoiceEvent("subscription_payment_success", { id: invoiceId, subscriptionId, status: "paid", updatedAt }, { restaurantId: restaurant.id }));
  expect(result.status).toBe(500);
  const event = await t.db.webhookEvent.findFirstOrThrow({ where: { resourceId: invoiceId } });
  return { restaurant, subscriptionId, invoiceId, updatedAt, event };
}

describe("admin.webhooks", () => {
  it("refuses owners and anonymous callers", async () => {
    const { event } = await failedPayment();
    const asOwner = callerFor(t.db, sessionOf(owner));
    await expect(asOwner.admin.webhooks.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asOwner.admin.webhooks.reprocess({ webhookEventId: event.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(t.db, null).admin.webhooks.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(t.db, null).admin.webhooks.reprocess({ webhookEventId: event.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await t.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("lists events newest first, filtered by status and event name, page by page", async () => {
    await failedPayment();
    await receiveLemonSqueezyWebhook(t.db, "{not json", new Date());

    const failed = await asAdmin().admin.webhooks.list({ status: "FAILED" });
    expect(failed.items.length).toBeGreaterThan(0);
    expect(failed.items.every((event) => event.status === "FAILED")).toBe(true);
    expect(failed.items[0]).toMatchObject({ eventName: "subscription_payment_success", error: expect.stringMatching(/not known yet/), payload: expect.objectContaining({ meta: expect.anything() }) });

    const invalid = await asAdmin().admin.webhooks.list({ status: "INVALID" });
    expect(invalid.items.some((event) => event.rawBody === "{not json" && event.payload === null)).toBe(true);

    const named = await asAdmin().admin.webhooks.list({ search: "PAYMENT_success" });
    expect(named.items.every((event) => event.eventName === "subscription_payment_success")).toBe(true);

    const first = await asAdmin().admin.webhooks.list({ limit: 1 });
    expect(first.nextCursor).toBeDefined();
    const second = await asAdmin().admin.webhooks.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect(second.items[0]!.receivedAt.getTime()).toBeLessThanOrEqual(first.items[0]!.receivedAt.getTime());
  });

  it("re-processes a failed event once its cause is fixed, audited with the change", async () => {
    const { restaurant, subscriptionId, invoiceId, updatedAt, event } = await failedPayment();
    // Still failing: the subscription is not there yet. The attempt is recorded and audited.
    expect(await asAdmin().admin.webhooks.reprocess({ webhookEventId: event.id })).toMatchObject({ status: "FAILED", message: expect.stringMatching(/not known yet/) });
    expect(await t.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "FAILED", attempts: 2 });

    await receive(subscriptionEvent("subscription_created", { id: subscriptionId, status: "active", updatedAt }, { restaurantId: restaurant.id }));
    expect(await asAdmin().admin.webhooks.reprocess({ webhookEventId: event.id })).toEqual({ status: "PROCESSED", message: null });
    expect(await t.db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "PROCESSED", attempts: 3, error: null });
    expect(await t.db.invoice.findUnique({ where: { lemonSqueezyId: invoiceId } })).toMatchObject({ status: "paid" });

    const audit = await t.db.auditLog.findMany({ where: { targetType: "webhook_event", targetId: event.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["webhook.reprocess_failed", admin.id],
      ["webhook.reprocessed", admin.id],
    ]);

    // Only FAILED events can be re-processed; the payment is not applied twice.
    await expect(asAdmin().admin.webhooks.reprocess({ webhookEventId: event.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Only failed events can be re-processed; this one is processed",
    });
    expect(await t.db.invoice.count({ where: { lemonSqueezyId: invoiceId } })).toBe(1);
  });

  it("two admins re-processing at once apply the event once", async () => {
    const { restaurant, subscriptionId, updatedAt, event } = await failedPayment();
    await receive(subscriptionEvent("subscription_created", { id: subscriptionId, status: "active", updatedAt }, { restaurantId: restaurant.id }));
    const results = await Promise.allSettled([
      asAdmin().admin.webhooks.reprocess({ webhookEventId: event.id }),
      asAdmin().admin.webhooks.reprocess({ webhookEventId: event.id }),
    ]);
    const statuses = results.map((result) => (result.status === "fulfilled" ? result.value.status : "REFUSED"));
    expect(statuses.filter((status) => status === "PROCESSED")).toHaveLength(1);
    expect(await t.db.auditLog.count({ where: { targetId: event.id, action: "webhook.reprocessed" } })).toBe(1);
  });

  it("answers NOT_FOUND for an unknown event", async () => {
    await expect(asAdmin().admin.webhooks.reprocess({ webhookEventId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
