/** The owner's billing page for a restaurant: where "payment required" refusals send the owner. */
export const billingPath = (restaurantId: string) => `/dashboard/restaurants/${restaurantId}/billing`;
