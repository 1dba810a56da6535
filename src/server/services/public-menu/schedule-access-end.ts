import type { Restaurant } from "~/generated/prisma/client";
import { menuAccess } from "~/lib/menu-access";
import type { Db } from "~/server/db-client";
import { MENU_ACCESS_ENDS_QUEUE, type MenuAccessEndsJob } from "~/server/jobs/job-queues";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";

/**
 * A live menu stops being live when its access runs out, with no write to announce it; this queues the
 * announcement for that moment, in the transaction that set the access. An extra announcement costs one re-render.
 */
export async function scheduleAccessEnd(tx: Pick<Db, "$queryRawUnsafe">, restaurant: Restaurant, now: Date) {
  const access = menuAccess(restaurant, now);
  if (!access.live || !access.until) return;
  const job: MenuAccessEndsJob = { restaurantId: restaurant.id };
  await sendInTransaction(tx, MENU_ACCESS_ENDS_QUEUE, job, { startAfter: access.until.toISOString() });
}
