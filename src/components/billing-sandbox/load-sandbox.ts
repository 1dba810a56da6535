import "server-only";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "~/trpc/server";

// Another owner's checkout or subscription, and a malformed id, are pages that do not exist.
async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export const loadSandboxCheckout = (checkoutId: string) => orNotFound(() => api.billingSandbox.checkout({ checkoutId }));

export function loadSandboxSubscription(subscriptionId: string) {
  if (!/^\d{1,10}$/.test(subscriptionId)) notFound();
  return orNotFound(() => api.billingSandbox.subscription({ subscriptionId: Number(subscriptionId) }));
}
