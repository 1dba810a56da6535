import type { Db } from "~/server/db-client";
import { notFound } from "~/server/errors";
import { menuUrl } from "~/lib/menu-url";
import type { QrCard } from "~/server/services/tables/qr-cards-pdf";

// What the QR download routes serve, looked up through the owner like every tenant row: another owner's
// restaurant or table is not found, exactly like one that does not exist.

async function ownerRestaurant(db: Db, ownerId: string, restaurantId: string) {
  const restaurant = await db.restaurant.findFirst({ where: { id: restaurantId, ownerId }, select: { id: true, name: true, slug: true } });
  if (!restaurant) throw notFound("Restaurant");
  return restaurant;
}

/** One code: the restaurant's own (the menu without a table), or a table's. */
export async function findQrTarget(db: Db, ownerId: string, restaurantId: string, tableId: string | null, baseUrl: string) {
  const restaurant = await ownerRestaurant(db, ownerId, restaurantId);
  const table = tableId ? await db.restaurantTable.findFirst({ where: { id: tableId, restaurantId: restaurant.id } }) : null;
  if (tableId && !table) throw notFound("Table");
  return {
    url: menuUrl(baseUrl, restaurant.slug, table?.code),
    fileName: table ? `${restaurant.slug}-${table.code}` : restaurant.slug,
  };
}

/**
 * The cards to print: the chosen tables (all of them by default) in their order, or the restaurant's own code
 * when it has no tables yet.
 */
export async function findCardTargets(db: Db, ownerId: string, restaurantId: string, tableIds: readonly string[] | null, baseUrl: string) {
  const restaurant = await ownerRestaurant(db, ownerId, restaurantId);
  const tables = await db.restaurantTable.findMany({
    where: { restaurantId: restaurant.id, ...(tableIds ? { id: { in: [...tableIds] } } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  if (tableIds && tables.length !== new Set(tableIds).size) throw notFound("Table");
  const cards: QrCard[] =
    tables.length > 0
      ? tables.map((table) => ({ label: table.label, url: menuUrl(baseUrl, restaurant.slug, table.code) }))
      : [{ label: null, url: menuUrl(baseUrl, restaurant.slug) }];
  return { restaurantName: restaurant.name, fileName: `${restaurant.slug}-qr-cards`, cards };
}
