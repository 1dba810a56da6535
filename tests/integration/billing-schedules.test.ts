import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import { beforeAll, describe, expect, it } from "vitest";
import type { SubscriptionStatus } from "~/generated/prisma/enums";
import { menuSlugTag } from "~/server/cache/menu-cache";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { BILLING_SCHEDULES, startBillingJobs } from "~/server/jobs/billing-jobs";
import { GRACE_EXPIRY_QUEUE, JOBS_SCHEMA, TRIAL_EMAILS_QUEUE } from "~/server/jobs/job-queues";
import { runGraceExpirySchedule } from "~/server/services/billing/grace-expiry-schedule";
import { runTrialSchedule } from "~/server/services/billing/trial-schedule";
import { queueMenuOfflineEmail } from "~/server/services/email/billing-emails";
import { createRestaurant, createUser } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The hourly schedules' handlers at a fixed "now": which restaurants they pick, and that however often they run,
// and however many run at once, each email goes once per restaurant and threshold, and a menu is dropped once.

const NOW = new Date("2026-12-10T06:05:00.000Z");
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const GRACE_DAYS = 7; // BILLING_GRACE_DAYS' default

let t: TestDatabase;
let ownerId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  ownerId = (await createUser(t.db, { email: "schedules@example.com" })).id;
});

async function restaurant(name: string, trialEndsAt: Date | null, reviewState: "APPROVED" | "SUSPENDED" = "APPROVED") {
  const created = await createRestaurant(t.db, ownerId, { name, reviewState });
  return t.db.restaurant.update({ where: { id: created.id }, data: { trialEndsAt } });
}

async function subscribe(restaurantId: string, status: SubscriptionStatus, fields: { pastDueSince?: Date; renewsAt?: Date } = {}) {
  return t.db.subscription.create({
    data: {
      restaurantId,
      lemonSqueezyId: String(randomInt(1_000_000, 9_999_999)),
      customerId: "3300001",
      variantId: "723456",
      status,
      pastDueSince: fields.pastDueSince ?? null,
      renewsAt: fields.renewsAt ?? null,
      sourceUpdatedAt: fields.pastDueSince ?? new Date(NOW.getTime() - 30 * DAY),
    },
  });
}

const templatesOf = async (restaurantId: string) =>
  (await t.db.emailMessage.findMany({ where: { restaurantId }, orderBy: { createdAt: "asc" } })).map((email) => email.template);

const revalidatedAt = async (slug: string) => (await t.db.cacheTagRevalidation.findUnique({ where: { tag: menuSlugTag(slug) } }))?.revalidatedAt ?? null;

describe("trial schedule", () => {
  it("reminds 3 days and 1 day before the end and tells of the end, once each, however often and concurrently it runs", async () => {
    const inThreeDays = await restaurant("Three Days Tikka", new Date(NOW.getTime() + 2.5 * DAY));
    const tomorrow = await restaurant("Tomorrow Tandoor", new Date(NOW.getTime() + 10 * HOUR));
    const endedToday = await restaurant("Ended Today Daal", new Date(NOW.getTime() - 3 * HOUR));
    const subscribed = await restaurant("Subscribed Sajji", new Date(NOW.getTime() + 2 * DAY));
    await subscribe(subscribed.id, "ACTIVE");
    const subscribedEnded = await restaurant("Subscribed Seekh", new Date(NOW.getTime() - 3 * HOUR));
    await subscribe(subscribedEnded.id, "ACTIVE");
    const longAgo = await restaurant("Long Ago Lassi", new Date(NOW.getTime() - 5 * DAY));
    const later = await restaurant("Later Lahori", new Date(NOW.getTime() + 5 * DAY));
    const suspended = await restaurant("Suspended Samosa", new Date(NOW.getTime() + 2 * DAY), "SUSPENDED");

    // Two instances at once, then a retry of the same run.
    const runs = await Promise.all([runTrialSchedule(t.db, NOW), runTrialSchedule(t.db, NOW)]);
    expect(runs.reduce((sum, run) => sum + run.reminders, 0)).toBe(2);
    expect(runs.reduce((sum, run) => sum + run.ended, 0)).toBe(1);
    expect(await runTrialSchedule(t.db, NOW)).toEqual({ reminders: 0, ended: 0 });

    expect(await templatesOf(inThreeDays.id)).toEqual(["trial-ends-in-3-days"]);
    expect(await templatesOf(tomorrow.id)).toEqual(["trial-ends-in-1-day"]);
    expect(await templatesOf(endedToday.id)).toEqual(["trial-ended"]);
    for (const quiet of [subscribed, subscribedEnded, longAgo, later, suspended]) expect(await templatesOf(quiet.id)).toEqual([]);
  });

  it("sends each threshold of one trial as the hours pass, and nothing more after the end", async () => {
    const trialEnd = new Date(NOW.getTime() + 4 * DAY);
    const owned = await restaurant("Hours Pass Haleem", trialEnd);
    for (let at = NOW.getTime(); at <= trialEnd.getTime() + 3 * DAY; at += HOUR) await runTrialSchedule(t.db, new Date(at));
    expect(await templatesOf(owned.id)).toEqual(["trial-ends-in-3-days", "trial-ends-in-1-day", "trial-ended"]);
    const [threeDays, oneDay, ended] = await t.db.emailMessage.findMany({ where: { restaurantId: owned.id }, orderBy: { createdAt: "asc" } });
    expect(threeDays?.dedupeKey).toBe(`trial-ends-in-3-days:${owned.id}:${trialEnd.toISOString()}`);
    expect(oneDay?.dedupeKey).toBe(`trial-ends-in-1-day:${owned.id}:${trialEnd.toISOString()}`);
    expect(ended?.dedupeKey).toBe(`trial-ended:${owned.id}:${trialEnd.toISOString()}`);
  });

  it("reminds an owner whose subscription will not outlive the trial (cancelled before its end)", async () => {
    const owned = await restaurant("Cancelled Chapli", new Date(NOW.getTime() + 2 * DAY));
    await t.db.subscription.create({
      data: {
        restaurantId: owned.id,
        lemonSqueezyId: String(randomInt(1_000_000, 9_999_999)),
        customerId: "3300001",
        variantId: "723456",
        status: "CANCELLED",
        endsAt: new Date(NOW.getTime() + DAY),
        sourceUpdatedAt: NOW,
      },
    });
    await runTrialSchedule(t.db, NOW);
    expect(await templatesOf(owned.id)).toEqual(["trial-ends-in-3-days"]);
  });
});

describe("grace-expiry schedule", () => {
  it("takes the menu offline once when a past-due subscription outlives its grace period, however often and concurrently it runs", async () => {
    const expired = await restaurant("Grace Over Gola", new Date(NOW.getTime() - 40 * DAY));
    const pastDueSince = new Date(NOW.getTime() - (GRACE_DAYS * DAY + 2 * HOUR));
    await subscribe(expired.id, "PAST_DUE", { pastDueSince });
    const inGrace = await restaurant("In Grace Gajar", new Date(NOW.getTime() - 40 * DAY));
    await subscribe(inGrace.id, "PAST_DUE", { pastDueSince: new Date(NOW.getTime() - 6 * DAY) });
    const longGone = await restaurant("Long Gone Gulab", new Date(NOW.getTime() - 40 * DAY));
    await subscribe(longGone.id, "PAST_DUE", { pastDueSince: new Date(NOW.getTime() - 20 * DAY) });
    // The trial still runs: the menu is live whatever the subscription does.
    const inTrial = await restaurant("Trial Still Tikka", new Date(NOW.getTime() + 3 * DAY));
    await subscribe(inTrial.id, "PAST_DUE", { pastDueSince });
    const suspended = await restaurant("Suspended Sheermal", new Date(NOW.getTime() - 40 * DAY), "SUSPENDED");
    await subscribe(suspended.id, "PAST_DUE", { pastDueSince });

    const runs = await Promise.all([runGraceExpirySchedule(t.db, NOW), runGraceExpirySchedule(t.db, NOW)]);
    expect(runs.reduce((sum, run) => sum + run.offline, 0)).toBe(1);
    const announced = await revalidatedAt(expired.slug);
    expect(announced).not.toBeNull();
    expect(await runGraceExpirySchedule(t.db, new Date(NOW.getTime() + HOUR))).toEqual({ offline: 0 });
    // Announced once: the later run did not announce it again.
    expect(await revalidatedAt(expired.slug)).toEqual(announced);

    const [email] = await t.db.emailMessage.findMany({ where: { restaurantId: expired.id } });
    expect(email).toMatchObject({
      template: "menu-offline",
      dedupeKey: `menu-offline:${expired.id}:grace-period-ended:${new Date(pastDueSince.getTime() + GRACE_DAYS * DAY).toISOString()}`,
    });
    for (const quiet of [inGrace, longGone, inTrial, suspended]) {
      expect(await templatesOf(quiet.id)).toEqual([]);
      expect(await revalidatedAt(quiet.slug)).toBeNull();
    }
  });

  it("does nothing for an end the webhook already took the menu offline for", async () => {
    const owned = await restaurant("Webhook First Falooda", new Date(NOW.getTime() - 40 * DAY));
    const pastDueSince = new Date(NOW.getTime() - (GRACE_DAYS * DAY + HOUR));
    await subscribe(owned.id, "PAST_DUE", { pastDueSince });
    await t.db.$transaction((tx) =>
      queueMenuOfflineEmail(tx, owned.id, { reason: "grace-period-ended", offlineSince: new Date(pastDueSince.getTime() + GRACE_DAYS * DAY) }),
    );
    expect(await runGraceExpirySchedule(t.db, NOW)).toEqual({ offline: 0 });
    expect(await templatesOf(owned.id)).toEqual(["menu-offline"]);
  });

  it("starts the grace period at the missed renewal when the subscription has no recorded past-due start", async () => {
    const owned = await restaurant("Renewal Rabri", new Date(NOW.getTime() - 40 * DAY));
    await subscribe(owned.id, "PAST_DUE", { renewsAt: new Date(NOW.getTime() - (GRACE_DAYS * DAY + HOUR)) });
    await t.db.subscription.update({ where: { restaurantId: owned.id }, data: { pastDueSince: null } });
    expect(await runGraceExpirySchedule(t.db, NOW)).toEqual({ offline: 1 });
  });
});

describe("the schedules as pg-boss runs them", () => {
  it("registers the cron schedules, and a job delivered twice queues each email once", async () => {
    const owned = await restaurant("Job Twice Jalebi", new Date(NOW.getTime() + 2 * DAY));
    const boss = new PgBoss({ connectionString: t.url, schema: JOBS_SCHEMA });
    boss.on("error", (error) => console.error(error));
    await boss.start();
    try {
      await startBillingJobs(boss, t.db, {
        usageReporter: createSandboxUsageReporter({ dir: "/nonexistent-usage-not-used" }),
        pollingIntervalSeconds: 0.5,
        now: () => NOW,
      });
      const schedules = await boss.getSchedules();
      expect(schedules.map((schedule) => [schedule.name, schedule.cron]).sort()).toEqual(Object.entries(BILLING_SCHEDULES).sort());

      const ids = await Promise.all([boss.send(TRIAL_EMAILS_QUEUE, {}), boss.send(TRIAL_EMAILS_QUEUE, {}), boss.send(GRACE_EXPIRY_QUEUE, {})]);
      const deadline = Date.now() + 15_000;
      const done = async () => (await Promise.all(ids.map((id, i) => boss.getJobById(i < 2 ? TRIAL_EMAILS_QUEUE : GRACE_EXPIRY_QUEUE, id ?? "")))).every((job) => job?.state === "completed");
      while (!(await done()) && Date.now() < deadline) await sleep(200);
      expect(await done()).toBe(true);
      expect(await templatesOf(owned.id)).toEqual(["trial-ends-in-3-days"]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
