import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "~/trpc/server";

/**
 * An unknown or malformed restaurant id is a missing page, not an error. Cached per request: the segment's
 * layout loads it first (for a real 404), the page then reuses it.
 */
export const loadAdminRestaurant = cache(async (restaurantId: string) => {
  try {
    return await api.admin.restaurant({ restaurantId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
