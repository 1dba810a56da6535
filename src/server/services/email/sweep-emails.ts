import type { Db } from "~/server/db-client";
import { EMAILS_QUEUE, type EmailJob } from "~/server/jobs/job-queues";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";

/**
 * Longer than an email job's whole retry schedule (about half an hour at most, and every attempt touches the row):
 * a message still PENDING and untouched for this long has no job working on it any more.
 */
export const STALE_EMAIL_MS = 45 * 60 * 1000;

/**
 * Queues a new delivery job for every PENDING message that no job is working on: one whose job died with its
 * process on every attempt, was purged, or a row written without one. The jobs go out in the transaction that
 * touches the rows, so the next sweep waits another STALE_EMAIL_MS before it looks at them again; a job sent for a
 * message that turns out to be in progress finds it locked or SENT and does nothing.
 */
export async function requeueStaleEmails(db: Db, now: Date, options: { limit?: number } = {}): Promise<{ requeued: number }> {
  const cutoff = new Date(now.getTime() - STALE_EMAIL_MS);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "EmailMessage" WHERE "status" = 'PENDING' AND "updatedAt" < ${cutoff}
      ORDER BY "createdAt" LIMIT ${options.limit ?? 200} FOR UPDATE SKIP LOCKED`;
    for (const { id } of rows) {
      const job: EmailJob = { emailId: id };
      await sendInTransaction(tx, EMAILS_QUEUE, job);
    }
    if (rows.length > 0) await tx.emailMessage.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { updatedAt: now } });
    return { requeued: rows.length };
  });
}
