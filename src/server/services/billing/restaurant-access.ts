import { env } from "~/env.js";
import type { Prisma } from "~/generated/prisma/client";
import { menuAccess, type AccessPolicy, type MenuAccess, type MenuAccessInput } from "~/lib/menu-access";

// The configured side of menuAccess: the grace period comes from the environment, the subscription from the row.

export function accessPolicy(): AccessPolicy {
  return { graceDays: env.BILLING_GRACE_DAYS };
}

/** What a restaurant query must include for restaurantAccess. */
export const accessInclude = {
  subscription: { select: { status: true, renewsAt: true, endsAt: true, pastDueSince: true } },
} satisfies Prisma.RestaurantInclude;

export type RestaurantWithAccess = Omit<MenuAccessInput, "subscription"> & {
  subscription: MenuAccessInput["subscription"] | null;
};

export function restaurantAccess(restaurant: RestaurantWithAccess, now: Date, policy: AccessPolicy = accessPolicy()): MenuAccess {
  return menuAccess(
    { reviewState: restaurant.reviewState, trialEndsAt: restaurant.trialEndsAt, subscription: restaurant.subscription },
    now,
    policy,
  );
}
