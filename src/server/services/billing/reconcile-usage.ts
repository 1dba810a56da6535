import type { Db } from "~/server/db-client";
import { USAGE_REPORTS_QUEUE, type UsageReportJob } from "~/server/jobs/job-queues";
import { sendDebouncedInTransaction } from "~/server/jobs/send-in-transaction";
import { BILLED_STATUSES } from "./report-usage";

const BATCH = 500;

/** The UTC day a reconcile belongs to; a retried or repeated run on the same day reports nothing twice. */
export const usageDayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The daily reconcile: one usage report for every billed subscription with a subscription item, whatever its count
 * did. It repairs what the reports after each change can miss (a report that failed for good, a change committed
 * by a process that died before it queued the report, a review decision), and, since Lemon Squeezy counts usage
 * per billing period, it sets the count again in every period, so a renewal never bills a period with no usage
 * recorded. Queued in batches; a report for the same subscription and day that is already waiting is not queued
 * twice. Returns how many were queued.
 */
export async function reconcileUsage(db: Db, now: Date): Promise<{ queued: number }> {
  const day = usageDayOf(now);
  let queued = 0;
  let cursor: string | undefined;
  for (;;) {
    const subscriptions = await db.subscription.findMany({
      where: { status: { in: [...BILLED_STATUSES] }, subscriptionItemId: { not: null } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (subscriptions.length === 0) break;
    queued += await db.$transaction(async (tx) => {
      let sent = 0;
      for (const { id } of subscriptions) {
        const job: UsageReportJob = { subscriptionId: id, reason: "reconcile", day };
        const jobId = await sendDebouncedInTransaction(tx, USAGE_REPORTS_QUEUE, job, { singletonKey: `reconcile:${id}:${day}`, startAfterSeconds: 0 });
        if (jobId) sent += 1;
      }
      return sent;
    });
    cursor = subscriptions.at(-1)?.id;
    if (subscriptions.length < BATCH) break;
  }
  return { queued };
}
