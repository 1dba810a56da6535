import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import { receiveLemonSqueezyWebhook } from "~/server/services/billing/receive-lemon-squeezy-webhook";
import { createRestaurant, createUser } from "../helpers/factories";
import { subscriptionEvent, type SubscriptionFields } from "../helpers/lemon-squeezy-events";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Billing's emails follow the subscription's transitions as its webhook events apply them (BILLING_GRACE_DAYS is
// the default 7 here): each queued in the event's transaction, once however many events describe the same change.

const DAY = 86_400_000;
const T0 = new Date("2026-12-01T09:00:00.000Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let t: TestDatabase;
let owner: User;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "bilal@example.com", name: "Bilal" });
});

/** Approved, trial over before T0: the menu is live only through the subscription. */
async function approvedRestaurant(name: string): Promise<Restaurant> {
  const restaurant = await createRestaurant(t.db, owner.id, { name, reviewState: "APPROVED" });
  return t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialStartsAt: at(-10), trialEndsAt: at(-3) } });
}

function deliver(restaurantId: string, eventName: string, fields: SubscriptionFields, now: Date) {
  return receiveLemonSqueezyWebhook(t.db, JSON.stringify(subscriptionEvent(eventName, fields, { restaurantId })), now);
}

const emailsOf = async (restaurantId: string) =>
  (await t.db.emailMessage.findMany({ where: { restaurantId }, orderBy: { createdAt: "asc" } })).map(({ template, to, subject, text, html }) => ({ template, to, subject, text, html }));

describe("billing emails from Lemon Squeezy's events", () => {
  it("follows a subscription through failed, recovered, cancelled and expired, one email per change", async () => {
    const restaurant = await approvedRestaurant("Bilal's Biryani");
    const id = String(randomInt(1_000_000, 9_999_999));
    const sub = (status: SubscriptionFields["status"], updatedAt: Date, extra: Partial<SubscriptionFields> = {}): SubscriptionFields => ({
      id,
      status,
      updatedAt,
      createdAt: T0,
      renewsAt: at(30),
      ...extra,
    });

    expect((await deliver(restaurant.id, "subscription_created", sub("active", T0), T0)).status).toBe(200);
    expect(await emailsOf(restaurant.id)).toEqual([]);

    // The renewal fails: past due from day 30, a grace period of 7 days.
    await deliver(restaurant.id, "subscription_updated", sub("past_due", at(30)), at(30));
    // Lemon Squeezy retries the charge and tells us again; still the same episode.
    await deliver(restaurant.id, "subscription_updated", sub("past_due", at(33)), at(33));
    let emails = await emailsOf(restaurant.id);
    expect(emails.map((email) => email.template)).toEqual(["payment-failed"]);
    expect(emails[0]).toMatchObject({ to: "bilal@example.com", subject: "Payment failed for Bilal's Biryani: update your card within 7 days" });
    expect(emails[0]?.text).toContain("Menu goes offline: 7 January 2027");
    expect(emails[0]?.text).toContain(`https://foodar.lemonsqueezy.com/subscription/${id}/payment-details?expires=1790000000&signature=abc`);
    expect(emails[0]?.html).toContain(`https://foodar.lemonsqueezy.com/subscription/${id}/payment-details?expires=1790000000&amp;signature=abc`);
    expect(emails[0]?.html).toContain("Bilal&#39;s Biryani");

    // The retried charge succeeds: Lemon Squeezy sends subscription_updated (active) beside the payment event.
    await deliver(restaurant.id, "subscription_updated", sub("active", at(34), { renewsAt: at(64) }), at(34));
    emails = await emailsOf(restaurant.id);
    expect(emails.map((email) => email.template)).toEqual(["payment-failed", "payment-recovered"]);
    expect(emails[1]?.text).toContain("Next renewal: 3 February 2027");

    await deliver(restaurant.id, "subscription_cancelled", sub("cancelled", at(40), { endsAt: at(64) }), at(40));
    await deliver(restaurant.id, "subscription_updated", sub("cancelled", at(41), { endsAt: at(64) }), at(41));
    emails = await emailsOf(restaurant.id);
    expect(emails.map((email) => email.template)).toEqual(["payment-failed", "payment-recovered", "subscription-cancelled"]);
    expect(emails[2]?.text).toContain("Menu online until: 3 February 2027");

    await deliver(restaurant.id, "subscription_expired", sub("expired", at(64), { endsAt: at(64) }), at(64));
    emails = await emailsOf(restaurant.id);
    expect(emails.map((email) => email.template)).toEqual(["payment-failed", "payment-recovered", "subscription-cancelled", "menu-offline"]);
    expect(emails[3]?.text).toContain("was taken offline because your subscription has ended");
  });

  it("tells the owner when a pause takes the menu offline, and not again for the same pause", async () => {
    const restaurant = await approvedRestaurant("Paused Paratha");
    const id = String(randomInt(1_000_000, 9_999_999));
    await deliver(restaurant.id, "subscription_created", { id, status: "active", updatedAt: T0, createdAt: T0 }, T0);
    await deliver(restaurant.id, "subscription_paused", { id, status: "paused", updatedAt: at(5), createdAt: T0 }, at(5));
    await deliver(restaurant.id, "subscription_updated", { id, status: "paused", updatedAt: at(6), createdAt: T0 }, at(6));
    const emails = await emailsOf(restaurant.id);
    expect(emails.map((email) => email.template)).toEqual(["menu-offline"]);
    expect(emails[0]?.text).toContain("because your subscription is paused");
  });

  it("sends no payment-failed email for a past-due episode whose grace period is already over", async () => {
    const restaurant = await approvedRestaurant("Late Lassi");
    const id = String(randomInt(1_000_000, 9_999_999));
    await deliver(restaurant.id, "subscription_created", { id, status: "active", updatedAt: T0, createdAt: T0 }, T0);
    // Processed ten days after it happened (Lemon Squeezy was retrying, or we were down).
    await deliver(restaurant.id, "subscription_updated", { id, status: "past_due", updatedAt: at(1), createdAt: T0 }, at(11));
    const templates = (await emailsOf(restaurant.id)).map((email) => email.template);
    expect(templates).not.toContain("payment-failed");
    expect(templates).toEqual(["menu-offline"]);
  });
});
