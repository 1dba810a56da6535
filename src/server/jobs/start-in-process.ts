import { env } from "~/env.js";
import { logger } from "~/server/log/logger";
import { startJobRunner } from "./job-runner";
import { configuredRunnerOptions } from "./runner-options";

/**
 * Called once per server instance by instrumentation.ts. A runner that cannot start (PostgreSQL down at that
 * moment) is logged and the app serves anyway: queued deletions wait for the next instance or `npm run worker`.
 */
export async function startJobsInProcess() {
  if (!env.JOBS_IN_PROCESS) return;
  try {
    await startJobRunner(configuredRunnerOptions());
  } catch (error) {
    logger.error({ err: error }, "Could not start the job runner; background jobs wait for another process");
  }
}
