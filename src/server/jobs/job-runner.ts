import PgBoss from "pg-boss";
import { publishMenuChange } from "~/server/cache/menu-cache";
import { createDb } from "~/server/db-client";
import { logger } from "~/server/log/logger";
import type { EmailSender } from "~/server/integrations/email/email-sender";
import type { UsageReporter } from "~/server/integrations/lemon-squeezy/usage-reporter";
import type { ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { deliverEmail } from "~/server/services/email/deliver-email";
import { requeueStaleEmails } from "~/server/services/email/sweep-emails";
import { processFileDeletions, type FileRemovers } from "~/server/services/files/process-file-deletions";
import { failAbandonedOptimization, runModelOptimization } from "~/server/services/models/run-model-optimization";
import {
  defineJobQueues,
  EMAILS_QUEUE,
  EMAILS_SWEEP_QUEUE,
  type EmailJob,
  FILE_DELETIONS_QUEUE,
  JOBS_SCHEMA,
  MENU_ACCESS_ENDS_QUEUE,
  type MenuAccessEndsJob,
  MODEL_OPTIMIZATION_FAILED_QUEUE,
  MODEL_OPTIMIZATION_QUEUE,
  type ModelOptimizationJob,
} from "./job-queues";
import { startBillingJobs } from "./billing-jobs";
import { withJobLog } from "./job-log";
import { setInProcessJobs } from "./request-file-deletions";

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

type RunnerOptions = {
  connectionString: string;
  removers: FileRemovers;
  modelStorage: ModelStorage;
  emailSender: EmailSender;
  /** Where published-product usage is reported: Lemon Squeezy or the sandbox. */
  usageReporter: UsageReporter;
  /** How long one optimisation attempt may run before it is abandoned and retried. */
  modelTimeoutMs: number;
  /** How often an idle worker looks for jobs; pg-boss's minimum is 0.5. */
  pollingIntervalSeconds?: number;
  /**
   * How often pg-boss's maintenance runs (once across all instances): it fails and retries jobs that outlived
   * their expiry, such as the job of a process that died mid-run. pg-boss's default (120 s) unless a test sets it.
   */
  maintenanceIntervalSeconds?: number;
};

// pg-boss 10.4 settles a job after its handler (complete, or fail for a retry) without awaiting the query
// (timgit/pg-boss#577, fixed upstream only in later majors): when PostgreSQL is unreachable at that moment, the
// rejection is unhandled and Node ends the process, so a database restart killed `npm run worker`. These two
// statements are recognised by their SQL (pg-boss is pinned), their failure is logged, and the job stays active
// until its expiry, when pg-boss retries it; every handler is written to be run again.
const SETTLE_STATEMENTS = [/SET completed_on = now\(\),\s+state = 'completed'/, /WHERE name = \$1 AND id IN \(SELECT UNNEST\(\$2::uuid\[\]\)\) AND state < 'completed'/];
type SqlExecutor = { executeSql: (text: string, values?: unknown[]) => Promise<unknown> };

function settleJobsWithoutCrashing(boss: PgBoss) {
  const db = boss.getDb() as unknown as SqlExecutor;
  const executeSql = db.executeSql.bind(db);
  db.executeSql = (text, values) => {
    const result = executeSql(text, values);
    if (!SETTLE_STATEMENTS.some((statement) => statement.test(text))) return result;
    return result.catch((error: unknown) => {
      logger.warn({ err: error, jobIds: values?.[1] }, "Could not record how a job ended; pg-boss retries it after its expiry");
      return { rows: [{ count: "0" }] };
    });
  };
}

/**
 * Starts pg-boss (its tables live in their own `pgboss` schema) and the workers. Any number of processes may run
 * this at once: pg-boss hands each job to one of them and the file deletions lock their rows. A job that throws
 * or outlives its queue's expiry is retried with exponential backoff. Each worker takes one job at a time, so a
 * process never optimises two models at once.
 */
export async function startJobRunner(options: RunnerOptions): Promise<JobRunner> {
  const db = createDb(options.connectionString);
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOBS_SCHEMA,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
  boss.on("error", (error) => logger.error({ err: error }, "Job runner error"));
  settleJobsWithoutCrashing(boss);
  await boss.start();
  await defineJobQueues(boss);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;

  await boss.work(FILE_DELETIONS_QUEUE, { batchSize: 1, pollingIntervalSeconds }, withJobLog(FILE_DELETIONS_QUEUE, async () => {
    await processFileDeletions(db, options.removers);
  }));
  // The sweep: deletions whose request was never sent (a crash right after the commit) or whose retries ran out.
  await boss.schedule(FILE_DELETIONS_QUEUE, "* * * * *");

  await boss.work<ModelOptimizationJob>(
    MODEL_OPTIMIZATION_QUEUE,
    { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
    withJobLog(MODEL_OPTIMIZATION_QUEUE, async (job: PgBoss.JobWithMetadata<ModelOptimizationJob> | undefined) => {
      if (!job) return;
      await runModelOptimization(db, options.modelStorage, job.data, {
        timeoutMs: options.modelTimeoutMs,
        lastAttempt: job.retryCount >= job.retryLimit,
      });
    }),
  );
  await boss.work<ModelOptimizationJob>(
    MODEL_OPTIMIZATION_FAILED_QUEUE,
    { batchSize: 1, pollingIntervalSeconds },
    withJobLog(MODEL_OPTIMIZATION_FAILED_QUEUE, async (job: PgBoss.Job<ModelOptimizationJob> | undefined) => {
      if (job) await failAbandonedOptimization(db, job.data);
    }),
  );

  await boss.work<MenuAccessEndsJob>(
    MENU_ACCESS_ENDS_QUEUE,
    { batchSize: 1, pollingIntervalSeconds },
    withJobLog(MENU_ACCESS_ENDS_QUEUE, async (job: PgBoss.Job<MenuAccessEndsJob> | undefined) => {
      if (job) await publishMenuChange(db, job.data.restaurantId);
    }),
  );

  await boss.work<EmailJob>(
    EMAILS_QUEUE,
    { batchSize: 1, pollingIntervalSeconds, includeMetadata: true },
    withJobLog(EMAILS_QUEUE, async (job: PgBoss.JobWithMetadata<EmailJob> | undefined, log) => {
      if (!job) return;
      await deliverEmail(db, options.emailSender, job.data.emailId, { lastAttempt: job.retryCount >= job.retryLimit, log });
    }),
  );
  await boss.work(EMAILS_SWEEP_QUEUE, { batchSize: 1, pollingIntervalSeconds }, withJobLog(EMAILS_SWEEP_QUEUE, async () => {
    await requeueStaleEmails(db, new Date());
  }));
  // The sweep: messages whose delivery job was lost (see requeueStaleEmails).
  await boss.schedule(EMAILS_SWEEP_QUEUE, "*/5 * * * *");

  // Trial reminders, grace expiry, usage reports and their daily reconcile.
  await startBillingJobs(boss, db, { usageReporter: options.usageReporter, pollingIntervalSeconds });

  setInProcessJobs(boss);
  return {
    boss,
    async stop() {
      setInProcessJobs(undefined);
      // Graceful: the job in progress finishes (its rows are released either way) before the connections close.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await db.$disconnect();
    },
  };
}
