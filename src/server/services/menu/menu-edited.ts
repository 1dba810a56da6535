import type { Db } from "~/server/db-client";
import { publishMenuChange } from "~/server/cache/menu-cache";
import { logger } from "~/server/log/logger";
import { queueUsageReport } from "~/server/services/billing/queue-usage-report";

/**
 * What follows every successful menu edit, called once by the tRPC menu-edit middleware so no procedure can forget
 * it: the public menu's cache tag is announced and a (debounced) usage report is queued, both in one transaction.
 * The edit itself committed in its service's transaction just before; a process that dies in between leaves the
 * page to expire by its max age and the count to the daily usage reconcile. The report reads the count when it
 * runs, so it never sends a stale one, and an edit that changed no count reports nothing.
 */
export async function afterMenuEdit(db: Db, restaurantId: string): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      await publishMenuChange(tx, restaurantId);
      await queueUsageReport(tx, restaurantId);
    });
  } catch (error) {
    // The edit is committed: answering it with an error (PostgreSQL went away in between) would have the owner make
    // it again, a second category or product. What is lost is what a process dying in between loses (see above).
    logger.warn({ err: error, restaurantId }, "Menu edited, but its cache announcement and usage report could not be recorded");
  }
}
