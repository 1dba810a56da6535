import "server-only";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "~/trpc/server";

/** Another owner's restaurant and a malformed id both look like a page that does not exist. */
export async function loadOwnerRestaurant(restaurantId: string) {
  try {
    return await api.restaurants.byId({ restaurantId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
