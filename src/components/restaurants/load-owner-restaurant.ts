import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "~/trpc/server";

/**
 * Another owner's restaurant and a malformed id both look like a page that does not exist. Cached per request:
 * the segment's layout loads it first (for a real 404), the page then reuses it.
 */
export const loadOwnerRestaurant = cache(async (restaurantId: string) => {
  try {
    return await api.restaurants.byId({ restaurantId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
