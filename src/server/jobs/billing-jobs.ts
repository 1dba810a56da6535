import type PgBoss from "pg-boss";
import type { Db } from "~/server/db-client";
import { runGraceExpirySchedule } from "~/server/services/billing/grace-expiry-schedule";
import { runTrialSchedule } from "~/server/services/billing/trial-schedule";
import { GRACE_EXPIRY_QUEUE, TRIAL_EMAILS_QUEUE } from "./job-queues";

// pg-boss's cron: every instance registers the same schedules (an upsert by name) and each minute one of them, by a
// lock in PostgreSQL, queues the jobs that are due, so a schedule runs once across all instances. Times are UTC.
export const BILLING_SCHEDULES = {
  [TRIAL_EMAILS_QUEUE]: "5 * * * *",
  [GRACE_EXPIRY_QUEUE]: "20 * * * *",
} as const;

/** The billing schedules' handlers and the schedules themselves. */
export async function startBillingJobs(
  boss: PgBoss,
  db: Db,
  options: { pollingIntervalSeconds: number; now?: () => Date },
) {
  const { pollingIntervalSeconds } = options;
  const now = options.now ?? (() => new Date());
  await boss.work(TRIAL_EMAILS_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async () => {
    await runTrialSchedule(db, now());
  });
  await boss.work(GRACE_EXPIRY_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async () => {
    await runGraceExpirySchedule(db, now());
  });
  for (const [queue, cron] of Object.entries(BILLING_SCHEDULES)) await boss.schedule(queue, cron);
}
