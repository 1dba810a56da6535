import "server-only";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "~/trpc/server";

/** An unknown or malformed restaurant id is a missing page, not an error. */
export async function loadAdminRestaurant(restaurantId: string) {
  try {
    return await api.admin.restaurant({ restaurantId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
