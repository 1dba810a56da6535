import "server-only";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "~/trpc/server";

/** Another restaurant's product and a malformed id both look like a page that does not exist. */
export async function loadOwnerProduct(restaurantId: string, productId: string) {
  try {
    return await api.menu.products.byId({ restaurantId, productId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
