import type { ReviewState } from "~/generated/prisma/enums";
import { billingPath } from "~/lib/billing-path";
import type { Db } from "~/server/db-client";
import { conflict, invalidState, notFound } from "~/server/errors";
import type { BillingProvider } from "~/server/integrations/lemon-squeezy/billing-provider";
import { canCancel, canResume, canSubscribe } from "./billing-overview";

// The owner's billing actions. They ask Lemon Squeezy (or the sandbox) for the change and return; our Subscription
// row changes only when the webhook reports it, so the page polls until it does.

const NOT_APPROVED: Record<Exclude<ReviewState, "APPROVED">, string> = {
  DRAFT: "Submit the restaurant for review first: only approved restaurants can subscribe.",
  PENDING: "This restaurant is waiting for review; you can subscribe as soon as it is approved.",
  REJECTED: "This restaurant was not approved. Edit it and submit it again; you can subscribe once it is approved.",
  SUSPENDED: "This restaurant is suspended and cannot subscribe until an admin restores it.",
};

type OwnerRef = { ownerId: string; restaurantId: string };

async function ownedRestaurant(db: Db, { ownerId, restaurantId }: OwnerRef) {
  const restaurant = await db.restaurant.findFirst({
    where: { id: restaurantId, ownerId },
    select: { id: true, reviewState: true, subscription: { select: { lemonSqueezyId: true, status: true, endsAt: true } }, owner: { select: { email: true, name: true } } },
  });
  if (!restaurant) throw notFound("Restaurant");
  return restaurant;
}

/** "Subscribe": a checkout for the restaurant, the owner's email prefilled, back to the billing page after paying. */
export async function startCheckout(db: Db, provider: BillingProvider, ref: OwnerRef & { origin: string; now: Date }): Promise<{ url: string }> {
  const restaurant = await ownedRestaurant(db, ref);
  if (restaurant.reviewState !== "APPROVED") throw invalidState(NOT_APPROVED[restaurant.reviewState]);
  if (!canSubscribe(restaurant.subscription, ref.now)) {
    throw conflict(
      restaurant.subscription?.status === "CANCELLED"
        ? "This restaurant's cancelled subscription is still paid for: resume it instead of subscribing again."
        : "This restaurant already has a subscription; manage it on this page instead of subscribing again.",
    );
  }
  const redirectUrl = new URL(`${billingPath(restaurant.id)}?checkout=done`, ref.origin).toString();
  return provider.createCheckout({ restaurantId: restaurant.id, email: restaurant.owner.email, name: restaurant.owner.name, redirectUrl });
}

export async function cancelSubscription(db: Db, provider: BillingProvider, ref: OwnerRef): Promise<void> {
  const { subscription } = await ownedRestaurant(db, ref);
  if (!subscription) throw invalidState("This restaurant has no subscription to cancel.");
  if (!canCancel(subscription)) throw invalidState(`The subscription is ${subscription.status.toLowerCase().replace("_", " ")} and cannot be cancelled.`);
  await provider.cancelSubscription(subscription.lemonSqueezyId);
}

export async function resumeSubscription(db: Db, provider: BillingProvider, ref: OwnerRef & { now: Date }): Promise<void> {
  const { subscription } = await ownedRestaurant(db, ref);
  if (!subscription) throw invalidState("This restaurant has no subscription to resume.");
  if (!canResume(subscription, ref.now)) {
    throw invalidState("Only a cancelled subscription whose paid period has not ended can be resumed; subscribe again instead.");
  }
  await provider.resumeSubscription(subscription.lemonSqueezyId);
}
