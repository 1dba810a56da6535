import type { Db } from "~/server/db-client";
import { MENU_ACCESS_ENDS_QUEUE, type MenuAccessEndsJob } from "~/server/jobs/job-queues";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";
import { restaurantAccess, type RestaurantWithAccess } from "~/server/services/billing/restaurant-access";

/**
 * A live menu stops being live when its access runs out, with no write to announce it; this queues the
 * announcement for that moment, in the transaction that set the access. Whatever changes access (a review
 * decision, a subscription event) calls it again with the new state; a job queued for an earlier `until` that no
 * longer holds only costs one re-render when it runs.
 */
export async function scheduleAccessEnd(tx: Pick<Db, "$queryRawUnsafe">, restaurant: RestaurantWithAccess & { id: string }, now: Date) {
  const access = restaurantAccess(restaurant, now);
  if (!access.live || !access.until) return;
  const job: MenuAccessEndsJob = { restaurantId: restaurant.id };
  await sendInTransaction(tx, MENU_ACCESS_ENDS_QUEUE, job, { startAfter: access.until.toISOString() });
}
