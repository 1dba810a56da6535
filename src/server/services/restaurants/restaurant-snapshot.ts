import type { Restaurant } from "~/generated/prisma/client";

/** The fields an audit entry records before and after a change; JSON-safe. */
export function restaurantSnapshot(restaurant: Restaurant) {
  return {
    name: restaurant.name,
    slug: restaurant.slug,
    description: restaurant.description,
    address: restaurant.address,
    city: restaurant.city,
    phone: restaurant.phone,
    currency: restaurant.currency,
    reviewState: restaurant.reviewState,
    reviewReason: restaurant.reviewReason,
    trialEndsAt: restaurant.trialEndsAt?.toISOString() ?? null,
  };
}
