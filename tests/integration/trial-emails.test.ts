import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { queueMenuOfflineEmail } from "~/server/services/email/billing-emails";
import { queueTrialEndedEmail, queueTrialReminderEmail } from "~/server/services/email/trial-emails";
import { createRestaurant, createUser } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// What the schedules call: they pick the restaurants that are due; these queue each email once per restaurant,
// threshold and trial end, however often (and on however many instances) a schedule runs.

const TRIAL_END = new Date("2026-12-08T11:00:00.000Z");

let t: TestDatabase;
let owner: User;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "sana@example.com" });
});

async function restaurantOnTrial(name: string, trialEndsAt: Date | null = TRIAL_END) {
  const restaurant = await createRestaurant(t.db, owner.id, { name, reviewState: "APPROVED" });
  return t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialEndsAt } });
}

// As a schedule calls them: in a transaction, so each message commits with its delivery job.
const reminder = (restaurantId: string, threshold: 3 | 1) => t.db.$transaction((tx) => queueTrialReminderEmail(tx, restaurantId, threshold));
const ended = (restaurantId: string) => t.db.$transaction((tx) => queueTrialEndedEmail(tx, restaurantId));
const offline = (restaurantId: string, details: Parameters<typeof queueMenuOfflineEmail>[2]) =>
  t.db.$transaction((tx) => queueMenuOfflineEmail(tx, restaurantId, details));

const templatesOf = async (restaurantId: string) =>
  (await t.db.emailMessage.findMany({ where: { restaurantId }, orderBy: { createdAt: "asc" } })).map((email) => email.template);

describe("trial emails", () => {
  it("queues each reminder once per threshold, however often a schedule runs, and the end once", async () => {
    const restaurant = await restaurantOnTrial("Sana's Saag");
    const twice = await Promise.all([reminder(restaurant.id, 3), reminder(restaurant.id, 3)]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    expect(await reminder(restaurant.id, 3)).toBeNull();
    expect(await reminder(restaurant.id, 1)).toEqual(expect.any(String));
    expect(await ended(restaurant.id)).toEqual(expect.any(String));
    expect(await ended(restaurant.id)).toBeNull();
    expect(await templatesOf(restaurant.id)).toEqual(["trial-ends-in-3-days", "trial-ends-in-1-day", "trial-ended"]);

    const [threeDays, oneDay] = await t.db.emailMessage.findMany({ where: { restaurantId: restaurant.id }, orderBy: { createdAt: "asc" } });
    expect(threeDays).toMatchObject({ to: "sana@example.com", subject: "Your Foodar trial for Sana's Saag ends in 3 days" });
    expect(threeDays?.text).toMatch(/Trial ends: 8 December 2026 at 4:00\spm Pakistan time/);
    expect(threeDays?.text).toContain(`/dashboard/restaurants/${restaurant.id}/billing`);
    expect(oneDay?.subject).toBe("Your Foodar trial for Sana's Saag ends tomorrow");
  });

  it("queues a new round of reminders for a trial that ends at another time", async () => {
    const restaurant = await restaurantOnTrial("Moved Trial Tikka");
    await reminder(restaurant.id, 3);
    await t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialEndsAt: new Date(TRIAL_END.getTime() + 86_400_000) } });
    expect(await reminder(restaurant.id, 3)).toEqual(expect.any(String));
  });

  it("queues nothing for a restaurant without a trial, an unknown one, or an owner who was deleted", async () => {
    expect(await reminder((await restaurantOnTrial("No Trial Nihari", null)).id, 3)).toBeNull();
    expect(await ended("00000000-0000-4000-8000-000000000000")).toBeNull();
    const gone = await createUser(t.db, { email: "gone@example.com" });
    const orphan = await t.db.restaurant.update({
      where: { id: (await createRestaurant(t.db, gone.id, { reviewState: "APPROVED" })).id },
      data: { trialEndsAt: TRIAL_END },
    });
    await t.db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect(await reminder(orphan.id, 1)).toBeNull();
  });

  it("queues the grace-expiry schedule's menu-offline email once per grace end", async () => {
    const restaurant = await restaurantOnTrial("Grace Gol Gappay");
    const graceEnd = new Date("2027-01-07T09:00:00.000Z");
    expect(await offline(restaurant.id, { reason: "grace-period-ended", offlineSince: graceEnd })).toEqual(expect.any(String));
    expect(await offline(restaurant.id, { reason: "grace-period-ended", offlineSince: graceEnd })).toBeNull();
    expect(await templatesOf(restaurant.id)).toEqual(["menu-offline"]);
  });
});
