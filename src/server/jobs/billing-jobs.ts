import type PgBoss from "pg-boss";
import type { Db } from "~/server/db-client";
import type { UsageReporter } from "~/server/integrations/lemon-squeezy/usage-reporter";
import { runGraceExpirySchedule } from "~/server/services/billing/grace-expiry-schedule";
import { reconcileUsage } from "~/server/services/billing/reconcile-usage";
import { reportUsage } from "~/server/services/billing/report-usage";
import { runTrialSchedule } from "~/server/services/billing/trial-schedule";
import { withJobLog } from "./job-log";
import { GRACE_EXPIRY_QUEUE, TRIAL_EMAILS_QUEUE, USAGE_RECONCILE_QUEUE, USAGE_REPORTS_QUEUE, type UsageReportJob } from "./job-queues";

// pg-boss's cron: every instance registers the same schedules (an upsert by name) and each minute one of them, by a
// lock in PostgreSQL, queues the jobs that are due, so a schedule runs once across all instances. Times are UTC.
export const BILLING_SCHEDULES = {
  [TRIAL_EMAILS_QUEUE]: "5 * * * *",
  [GRACE_EXPIRY_QUEUE]: "20 * * * *",
  // Daily, at night in Pakistan (UTC+5).
  [USAGE_RECONCILE_QUEUE]: "30 21 * * *",
} as const;

/** The billing schedules' handlers, the usage reports' worker, and the schedules themselves. */
export async function startBillingJobs(
  boss: PgBoss,
  db: Db,
  options: { usageReporter: UsageReporter; pollingIntervalSeconds: number; now?: () => Date },
) {
  const { pollingIntervalSeconds } = options;
  const now = options.now ?? (() => new Date());
  await boss.work(TRIAL_EMAILS_QUEUE, { batchSize: 1, pollingIntervalSeconds }, withJobLog(TRIAL_EMAILS_QUEUE, async () => {
    await runTrialSchedule(db, now());
  }));
  await boss.work(GRACE_EXPIRY_QUEUE, { batchSize: 1, pollingIntervalSeconds }, withJobLog(GRACE_EXPIRY_QUEUE, async () => {
    await runGraceExpirySchedule(db, now());
  }));
  await boss.work(USAGE_RECONCILE_QUEUE, { batchSize: 1, pollingIntervalSeconds }, withJobLog(USAGE_RECONCILE_QUEUE, async () => {
    await reconcileUsage(db, now());
  }));
  await boss.work<UsageReportJob>(
    USAGE_REPORTS_QUEUE,
    { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
    withJobLog(USAGE_REPORTS_QUEUE, async (job: PgBoss.JobWithMetadata<UsageReportJob> | undefined) => {
      if (!job) return;
      const request =
        job.data.reason === "change"
          ? { subscriptionId: job.data.subscriptionId, reason: "change" as const, jobId: job.id }
          : { subscriptionId: job.data.subscriptionId, reason: "reconcile" as const, day: job.data.day };
      await reportUsage(db, options.usageReporter, request, { lastAttempt: job.retryCount >= job.retryLimit, now });
    }),
  );
  for (const [queue, cron] of Object.entries(BILLING_SCHEDULES)) await boss.schedule(queue, cron);
}
