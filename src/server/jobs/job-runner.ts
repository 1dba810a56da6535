import PgBoss from "pg-boss";
import { createDb } from "~/server/db-client";
import { processFileDeletions, type FileRemovers } from "~/server/services/files/process-file-deletions";
import { FILE_DELETIONS_QUEUE, setInProcessJobs } from "./request-file-deletions";

export type JobRunner = { boss: PgBoss; stop: () => Promise<void> };

type RunnerOptions = {
  connectionString: string;
  removers: FileRemovers;
  /** How often an idle worker looks for jobs; pg-boss's minimum is 0.5. */
  pollingIntervalSeconds?: number;
};

/**
 * Starts pg-boss (its tables live in their own `pgboss` schema, created on first start) and the workers. Any
 * number of processes may run this at once: pg-boss hands each job to one of them and the file deletions
 * lock their rows. A job that throws or outlives expireInSeconds is retried with exponential backoff.
 */
export async function startJobRunner(options: RunnerOptions): Promise<JobRunner> {
  const db = createDb(options.connectionString);
  const boss = new PgBoss({ connectionString: options.connectionString, schema: "pgboss" });
  boss.on("error", (error) => console.error("Job runner error:", error));
  await boss.start();
  await boss.createQueue(FILE_DELETIONS_QUEUE, { name: FILE_DELETIONS_QUEUE, retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 });
  await boss.work(FILE_DELETIONS_QUEUE, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
    await processFileDeletions(db, options.removers);
  });
  // The sweep: deletions whose request was never sent (a crash right after the commit) or whose retries ran out.
  await boss.schedule(FILE_DELETIONS_QUEUE, "* * * * *");
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
