import PgBoss from "pg-boss";
import { TENANT_ROLE } from "../db/scoped-pool";

// Every queue and its retry policy, in one place. The queues are created with the schema (prepareJobQueues runs
// after the migrations), so a job can be inserted in the same transaction as the rows it is about, even by a
// process that runs no worker, and is never lost to a queue that does not exist yet.

export const JOBS_SCHEMA = "pgboss";

export const FILE_DELETIONS_QUEUE = "file-deletions";
export const MODEL_OPTIMIZATION_QUEUE = "model-optimization";
/** Where an optimisation lands once its retries are spent, whether it threw, timed out or its process died. */
export const MODEL_OPTIMIZATION_FAILED_QUEUE = "model-optimization-failed";

/** Announces a menu change at the moment a restaurant's access runs out, so its cached page goes offline then. */
export const MENU_ACCESS_ENDS_QUEUE = "menu-access-ends";

/** Delivers one outbox email; queued in the transaction that wrote the message. */
export const EMAILS_QUEUE = "emails";
/** Every few minutes: re-queues outbox emails whose delivery job was lost. */
export const EMAILS_SWEEP_QUEUE = "emails-sweep";

/** Hourly: the trial reminders (3 days, 1 day before the end) and the trial-ended email. */
export const TRIAL_EMAILS_QUEUE = "trial-emails";
/** Hourly: past-due subscriptions whose grace period is over get the menu-offline email and their menu dropped. */
export const GRACE_EXPIRY_QUEUE = "grace-expiry";
/** Reports one subscription's published products to Lemon Squeezy (debounced after menu edits, and daily). */
export const USAGE_REPORTS_QUEUE = "usage-reports";
/** Daily: queues a usage report for every billed subscription, whatever changed or was lost since. */
export const USAGE_RECONCILE_QUEUE = "usage-reconcile";

export const MODEL_OPTIMIZATION_ATTEMPTS = 3;

export type ModelOptimizationJob = { modelId: string; revision: number };
export type MenuAccessEndsJob = { restaurantId: string };
export type EmailJob = { emailId: string };
/**
 * `change`: sent after menu edits, reported only if the count differs from the last one reported. `reconcile`:
 * the daily report, sent whatever the count, once per subscription and `day` (UTC, YYYY-MM-DD).
 */
export type UsageReportJob = { subscriptionId: string } & ({ reason: "change" } | { reason: "reconcile"; day: string });

/** Nine attempts over two to four hours (30 s doubling, with jitter), then the report is marked FAILED until the next one. */
export const USAGE_REPORT_RETRY_LIMIT = 8;

/** Seven attempts over about half an hour (15 s doubling with jitter), then the message is marked FAILED. */
export const EMAIL_RETRY_LIMIT = 6;

type QueueDefinition = Omit<PgBoss.Queue, "name">;

/** An attempt that runs longer is failed and retried; MODEL_OPTIMIZE_TIMEOUT_SECONDS must stay below it. */
export const MODEL_OPTIMIZATION_EXPIRY_SECONDS = 15 * 60;

const QUEUES: Record<string, QueueDefinition> = {
  [FILE_DELETIONS_QUEUE]: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
  [MENU_ACCESS_ENDS_QUEUE]: { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
  // An attempt gives up on the provider after 30 s; expiry is the backstop for a process that died mid-send.
  [EMAILS_QUEUE]: { retryLimit: EMAIL_RETRY_LIMIT, retryDelay: 15, retryBackoff: true, expireInSeconds: 120 },
  [EMAILS_SWEEP_QUEUE]: { retryLimit: 2, retryDelay: 30, expireInSeconds: 120 },
  // The schedules only pick what is due and queue emails by their dedupe keys: a retry or a second run queues nothing twice.
  [TRIAL_EMAILS_QUEUE]: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  [GRACE_EXPIRY_QUEUE]: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  [USAGE_RECONCILE_QUEUE]: { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 10 * 60 },
  // "short": at most one job per singleton key waits to start, so a burst of menu edits within the debounce delay
  // queues one report; a job already running does not block the next one, which reads the count after it.
  [USAGE_REPORTS_QUEUE]: { policy: "short", retryLimit: USAGE_REPORT_RETRY_LIMIT, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  // Defined before the queue that names it: the dead-letter reference is a foreign key.
  [MODEL_OPTIMIZATION_FAILED_QUEUE]: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 },
  [MODEL_OPTIMIZATION_QUEUE]: {
    retryLimit: MODEL_OPTIMIZATION_ATTEMPTS - 1,
    retryDelay: 5,
    retryBackoff: true,
    // The handler gives up on an attempt after its own timeout; expiry is the backstop for a process that died.
    expireInSeconds: MODEL_OPTIMIZATION_EXPIRY_SECONDS,
    deadLetter: MODEL_OPTIMIZATION_FAILED_QUEUE,
  },
};

/** Creates the queues, or brings their policy up to date; safe to run from any number of processes. */
export async function defineJobQueues(boss: PgBoss) {
  for (const [name, definition] of Object.entries(QUEUES)) {
    await boss.createQueue(name, { name, ...definition });
    await boss.updateQueue(name, { name, ...definition });
  }
}

/** pg-boss's schema and the queues, for the migration step; starts no worker and no scheduler. */
export async function prepareJobQueues(connectionString: string) {
  const boss = new PgBoss({ connectionString, schema: JOBS_SCHEMA, supervise: false, schedule: false, max: 1 });
  // console, not the app's logger: this runs in the migration step of the CLI scripts and the test setup, before
  // env.js (which the logger reads its level from) can be loaded.
  boss.on("error", (error) => console.error("Job queue setup error:", error));
  await boss.start();
  try {
    await defineJobQueues(boss);
    // An owner's edit queues its follow-up jobs in its own transaction, which runs as the tenant role.
    await boss.getDb().executeSql(
      `GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${TENANT_ROLE}; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${TENANT_ROLE}`,
      [],
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
