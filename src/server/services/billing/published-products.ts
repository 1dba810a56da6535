import type { Db } from "~/server/db-client";

type Reader = Pick<Db, "product">;

/**
 * The number the per-product fee is charged on. A product is published when a guest could see it on the public
 * menu of an approved restaurant: it is not HIDDEN (a SOLD_OUT dish is still shown, greyed out) and the restaurant
 * is APPROVED (a draft, pending, rejected or suspended restaurant publishes nothing). Whether the menu is live
 * for billing reasons (trial over, grace ended) is deliberately not part of it: the usage is what the next invoice
 * is computed from, and a menu that went offline for a missed payment comes back with the same dishes once paid.
 */
export function countPublishedProducts(db: Reader, restaurantId: string): Promise<number> {
  return db.product.count({
    where: { restaurantId, availability: { not: "HIDDEN" }, restaurant: { reviewState: "APPROVED" } },
  });
}
