import { runAsSystem } from "~/server/db/db-scope";
import { logger, type Logger } from "~/server/log/logger";

type AnyJob = { id: string; retryCount?: number; retryLimit?: number };

/** A job's child logger: its queue and id, the pair that finds it in pg-boss's tables. */
export function jobLogger(queue: string, job: AnyJob | undefined): Logger {
  return logger.child({ job: queue, jobId: job?.id ?? null });
}

/**
 * Wraps a pg-boss handler (one job at a time, batchSize 1) so that it gets the job's logger and a failed attempt is
 * logged with the job's name, id and attempt before pg-boss retries it; the error is rethrown for pg-boss. Jobs work on
 * every restaurant, so they run in the system scope, whatever scope the process that started the runner was in.
 */
export function withJobLog<J extends AnyJob>(queue: string, handler: (job: J | undefined, log: Logger) => Promise<void>) {
  return async ([job]: J[]): Promise<void> => {
    const log = jobLogger(queue, job);
    try {
      await runAsSystem(() => handler(job, log));
    } catch (error) {
      const attempt = job?.retryCount === undefined ? null : job.retryCount + 1;
      const lastAttempt = job?.retryCount !== undefined && job.retryLimit !== undefined && job.retryCount >= job.retryLimit;
      log[lastAttempt ? "error" : "warn"]({ err: error, attempt }, lastAttempt ? `Job ${queue} failed for the last time` : `Job ${queue} failed; pg-boss retries it`);
      throw error;
    }
  };
}
