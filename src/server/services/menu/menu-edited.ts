import type { Db } from "~/server/db-client";
import { publishMenuChange } from "~/server/cache/menu-cache";
import { queueUsageReport } from "~/server/services/billing/queue-usage-report";

/**
 * What follows every successful menu edit, called once by the tRPC menu-edit middleware so no procedure can forget
 * it: the public menu's cache tag is announced and a (debounced) usage report is queued, both in one transaction.
 * The edit itself committed in its service's transaction just before; a process that dies in between leaves the
 * page to expire by its max age and the count to the daily usage reconcile. The report reads the count when it
 * runs, so it never sends a stale one, and an edit that changed no count reports nothing.
 */
export async function afterMenuEdit(db: Db, restaurantId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await publishMenuChange(tx, restaurantId);
    await queueUsageReport(tx, restaurantId);
  });
}
