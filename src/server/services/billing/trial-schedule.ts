import type { Db } from "~/server/db-client";
import { queueTrialEndedEmail, queueTrialReminderEmail, type TrialReminderThreshold } from "~/server/services/email/trial-emails";
import { accessInclude, accessPolicy, restaurantAccess } from "./restaurant-access";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long after a trial's end its "trial ended" email is still sent: a schedule that was down catches up. */
export const TRIAL_ENDED_LOOKBACK_MS = 2 * DAY_MS;

export type TrialScheduleResult = { reminders: number; ended: number };

/**
 * The hourly trial schedule. For each approved restaurant whose trial ends within 3 days: "ends in 3 days" while
 * more than a day is left, "ends tomorrow" within the last day; and "trial ended" once it has, if the menu went
 * offline with it. A restaurant whose subscription keeps the menu live past the trial's end gets none of them.
 * Each email is queued in its own transaction under a dedupe key of the restaurant, threshold and trial end (see
 * trial-emails.ts), so a run repeated, retried or racing another instance queues each one once.
 */
export async function runTrialSchedule(db: Db, now: Date): Promise<TrialScheduleResult> {
  const policy = accessPolicy();
  const restaurants = await db.restaurant.findMany({
    where: {
      reviewState: "APPROVED",
      trialEndsAt: { gt: new Date(now.getTime() - TRIAL_ENDED_LOOKBACK_MS), lte: new Date(now.getTime() + 3 * DAY_MS) },
    },
    select: { id: true, reviewState: true, trialEndsAt: true, ...accessInclude },
  });

  const result: TrialScheduleResult = { reminders: 0, ended: 0 };
  for (const restaurant of restaurants) {
    const trialEndsAt = restaurant.trialEndsAt;
    if (!trialEndsAt) continue;
    // At the trial's last instant the trial itself no longer counts: what is left is the subscription's doing.
    if (restaurantAccess(restaurant, trialEndsAt, policy).live) continue;

    const left = trialEndsAt.getTime() - now.getTime();
    if (left > 0) {
      const threshold: TrialReminderThreshold = left <= DAY_MS ? 1 : 3;
      if (await db.$transaction((tx) => queueTrialReminderEmail(tx, restaurant.id, threshold))) result.reminders += 1;
    } else if (!restaurantAccess(restaurant, now, policy).live) {
      if (await db.$transaction((tx) => queueTrialEndedEmail(tx, restaurant.id))) result.ended += 1;
    }
  }
  return result;
}
