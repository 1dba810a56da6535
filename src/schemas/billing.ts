import { z } from "zod";

/** The billing page's actions all name the restaurant, and nothing else: prices, email and plan come from the server. */
export const billingRestaurantSchema = z.strictObject({ restaurantId: z.uuid("Unknown restaurant") });
