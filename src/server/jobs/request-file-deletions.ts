import type PgBoss from "pg-boss";
import { logger } from "~/server/log/logger";
import { FILE_DELETIONS_QUEUE } from "./job-queues";

// Next may evaluate this module more than once (instrumentation and route bundles), so the runner started in
// this process is found through globalThis rather than a module variable.
const holder = globalThis as unknown as { foodarJobs?: PgBoss };

export function setInProcessJobs(boss: PgBoss | undefined) {
  holder.foodarJobs = boss;
}

/**
 * Asks for the queued file deletions to run now; call it after the transaction that queued them commits.
 * Best effort: without a runner in this process, or if the send fails, the runner's every-minute sweep
 * removes the files anyway.
 */
export function requestFileDeletions() {
  holder.foodarJobs?.send(FILE_DELETIONS_QUEUE, {}).catch((error: unknown) => {
    logger.warn({ err: error, job: FILE_DELETIONS_QUEUE }, "Could not request the file deletions job; the next sweep runs it");
  });
}
