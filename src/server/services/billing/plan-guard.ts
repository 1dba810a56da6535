import type { Availability } from "~/generated/prisma/enums";
import { billingPath } from "~/lib/billing-path";
import type { MenuAccess, OfflineReason } from "~/lib/menu-access";
import type { Db } from "~/server/db-client";
import { notFound, PaymentRequiredError } from "~/server/errors";
import { accessInclude, restaurantAccess } from "./restaurant-access";

// Once an approved restaurant's access has run out (trial over, grace period over, subscription ended), its owner
// can still see, edit, hide, reorder and delete what is there, but not grow the menu: adding dishes, making hidden
// dishes visible again and uploading files need a plan. A restaurant that is not approved yet is building its menu
// for review and is never asked to pay.

export type PlanAction = "ADD_PRODUCTS" | "PUBLISH_PRODUCTS" | "UPLOAD_FILES";

const ACTION: Record<PlanAction, string> = {
  ADD_PRODUCTS: "add dishes",
  PUBLISH_PRODUCTS: "make hidden dishes visible",
  UPLOAD_FILES: "upload photos, videos and 3D models",
};

const WHY: Record<Exclude<OfflineReason, "NOT_APPROVED">, string> = {
  TRIAL_ENDED: "Your free trial has ended and the menu is offline. Subscribe on the billing page",
  GRACE_ENDED: "Your last payment failed and the grace period is over, so the menu is offline. Update your payment method on the billing page",
  SUBSCRIPTION_ENDED: "Your subscription has ended and the menu is offline. Subscribe again on the billing page",
  SUBSCRIPTION_INACTIVE: "Your subscription is paused, unpaid or expired, so the menu is offline. Resume or renew it on the billing page",
};

/** The refusal for `action`, or null when the access allows it. */
export function paymentRequiredFor(restaurantId: string, access: MenuAccess, action: PlanAction): PaymentRequiredError | null {
  if (access.live || !access.paymentRequired || access.reason === "NOT_APPROVED") return null;
  return new PaymentRequiredError(`${WHY[access.reason]} to ${ACTION[action]}.`, billingPath(restaurantId));
}

type RestaurantRef = { id: string; ownerId?: string };

/** Throws PaymentRequiredError when the restaurant's plan does not allow `action`; another owner's restaurant is not found. */
export async function requirePlan(db: Pick<Db, "restaurant">, restaurant: RestaurantRef, action: PlanAction, now: Date): Promise<void> {
  const row = await db.restaurant.findFirst({
    where: { id: restaurant.id, ...(restaurant.ownerId ? { ownerId: restaurant.ownerId } : {}) },
    select: { reviewState: true, trialEndsAt: true, ...accessInclude },
  });
  if (!row) throw notFound("Restaurant");
  const refusal = paymentRequiredFor(restaurant.id, restaurantAccess(row, now), action);
  if (refusal) throw refusal;
}

/** Making products visible is publishing only for those that are hidden now; sold out ↔ available is not. */
export async function requirePlanToShow(
  db: Pick<Db, "restaurant" | "product">,
  restaurantId: string,
  productIds: readonly string[],
  availability: Availability,
  now: Date,
): Promise<void> {
  if (availability === "HIDDEN") return;
  const hidden = await db.product.count({ where: { restaurantId, id: { in: [...productIds] }, availability: "HIDDEN" } });
  if (hidden > 0) await requirePlan(db, { id: restaurantId }, "PUBLISH_PRODUCTS", now);
}
