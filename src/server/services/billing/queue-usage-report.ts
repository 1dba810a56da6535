import type { Db } from "~/server/db-client";
import { USAGE_REPORTS_QUEUE, type UsageReportJob } from "~/server/jobs/job-queues";
import { sendDebouncedInTransaction } from "~/server/jobs/send-in-transaction";

type Tx = Pick<Db, "subscription" | "$queryRawUnsafe">;

/** Edits within this long of the first one are reported together, with the count the job reads when it runs. */
export const USAGE_DEBOUNCE_SECONDS = 30;

/**
 * Queues a report of the restaurant's published products after something that may have changed their count (a
 * menu edit, a review decision, a new subscription item), in the caller's transaction. Only a subscription with a
 * subscription item is billed per product; without one there is nothing to report. One job waits per
 * subscription: whatever happens before it starts is folded into it. Returns whether a new job was queued.
 */
export async function queueUsageReport(tx: Tx, restaurantId: string): Promise<boolean> {
  const subscription = await tx.subscription.findUnique({ where: { restaurantId }, select: { id: true, subscriptionItemId: true } });
  if (!subscription?.subscriptionItemId) return false;
  const job: UsageReportJob = { subscriptionId: subscription.id, reason: "change" };
  const id = await sendDebouncedInTransaction(tx, USAGE_REPORTS_QUEUE, job, {
    singletonKey: `change:${subscription.id}`,
    startAfterSeconds: USAGE_DEBOUNCE_SECONDS,
  });
  return id !== null;
}
