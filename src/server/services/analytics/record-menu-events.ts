import type { MenuEvent } from "~/generated/prisma/enums";
import { utcDay } from "~/schemas/analytics";
import type { MenuEventBatch } from "~/schemas/menu-events";
import type { Db } from "~/server/db-client";
import { accessInclude, restaurantAccess } from "~/server/services/billing/restaurant-access";

export type RecordOutcome =
  | { recorded: true; events: number; droppedEvents: number }
  /** The restaurant does not exist or its menu is not live: nothing is written, and the caller cannot tell which. */
  | { recorded: false };

/**
 * Adds one beacon's events to the daily aggregates: at most one statement per stats table, whatever the batch
 * holds. Every accepted event counts in MenuDailyStat (per table and event, so the totals survive a product's
 * deletion); product events also count in ProductDailyStat. Events are dropped, not refused, when they name a
 * product that is not this restaurant's or is hidden. A table code that is not one of the restaurant's tables
 * counts as "" (no table): views are real even when the QR code is stale, and a sender cannot create rows for
 * codes that do not exist.
 */
export async function recordMenuEvents(db: Db, batch: MenuEventBatch, now: Date): Promise<RecordOutcome> {
  const productIds = [...new Set(batch.events.flatMap((event) => (event.type === "MENU_VIEW" ? [] : [event.productId])))];
  const restaurant = await db.restaurant.findUnique({
    where: { id: batch.restaurantId },
    include: {
      ...accessInclude,
      products: { where: { id: { in: productIds }, availability: { not: "HIDDEN" } }, select: { id: true } },
      tables: { where: { code: batch.table ?? "" }, select: { code: true } },
    },
  });
  if (!restaurant || !restaurantAccess(restaurant, now).live) return { recorded: false };

  const known = new Set(restaurant.products.map((product) => product.id));
  const tableCode = restaurant.tables[0]?.code ?? "";
  const menuCounts = new Map<MenuEvent, number>();
  const productCounts = new Map<string, { productId: string; event: MenuEvent; count: number }>();
  let dropped = 0;
  for (const event of batch.events) {
    if (event.type !== "MENU_VIEW") {
      if (!known.has(event.productId)) {
        dropped += 1;
        continue;
      }
      const key = `${event.productId}:${event.type}`;
      const entry = productCounts.get(key) ?? { productId: event.productId, event: event.type, count: 0 };
      entry.count += 1;
      productCounts.set(key, entry);
    }
    menuCounts.set(event.type, (menuCounts.get(event.type) ?? 0) + 1);
  }
  if (menuCounts.size === 0) return { recorded: true, events: 0, droppedEvents: dropped };

  // Rows are upserted in one fixed order (event, then product) so that two beacons racing on the same rows take
  // their row locks in the same order and wait for each other instead of deadlocking.
  // Days follow UTC, not the restaurant's time zone (a later refinement would need the zone on the restaurant).
  const day = utcDay(now);
  const menuRows = [...menuCounts].sort(([a], [b]) => a.localeCompare(b));
  const productRows = [...productCounts.values()].sort((a, b) => a.productId.localeCompare(b.productId) || a.event.localeCompare(b.event));
  const statements = [
    db.$executeRaw`
      INSERT INTO "MenuDailyStat" ("restaurantId", "day", "tableCode", "event", "count")
      SELECT ${restaurant.id}::uuid, ${day}::date, ${tableCode}, r.event::"MenuEvent", r.count
      FROM unnest(${menuRows.map(([event]) => event)}::text[], ${menuRows.map(([, count]) => count)}::int[]) WITH ORDINALITY AS r(event, count, n)
      ORDER BY r.n
      ON CONFLICT ("restaurantId", "day", "tableCode", "event") DO UPDATE SET "count" = "MenuDailyStat"."count" + EXCLUDED."count"`,
  ];
  if (productRows.length > 0) {
    statements.push(db.$executeRaw`
      INSERT INTO "ProductDailyStat" ("restaurantId", "productId", "day", "tableCode", "event", "count")
      SELECT ${restaurant.id}::uuid, r.product, ${day}::date, ${tableCode}, r.event::"MenuEvent", r.count
      FROM unnest(
        ${productRows.map((row) => row.productId)}::uuid[],
        ${productRows.map((row) => row.event)}::text[],
        ${productRows.map((row) => row.count)}::int[]
      ) WITH ORDINALITY AS r(product, event, count, n)
      ORDER BY r.n
      ON CONFLICT ("productId", "day", "tableCode", "event") DO UPDATE SET "count" = "ProductDailyStat"."count" + EXCLUDED."count"`);
  }
  // Both tables or neither: a totals row without its product rows would make the dashboard's figures disagree.
  await db.$transaction(statements);
  return { recorded: true, events: batch.events.length - dropped, droppedEvents: dropped };
}
