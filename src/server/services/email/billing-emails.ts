import type { Db } from "~/server/db-client";
import { emailLinks } from "./email-links";
import { enqueueEmail, type EmailTx } from "./enqueue-email";
import { ownerRecipient } from "./recipients";
import type { Money } from "./templates/format";
import { menuOfflineEmail, type MenuOfflineReason } from "./templates/menu-offline";
import { paymentFailedEmail } from "./templates/payment-failed";
import { paymentRecoveredEmail } from "./templates/payment-recovered";
import { subscriptionCancelledEmail } from "./templates/subscription-cancelled";

export type { MenuOfflineReason, Money };

// Called in the transaction that applies the subscription change (a webhook event or a schedule). Each dedupe key
// names the episode, not the event: Lemon Squeezy sends several events for one failure (payment_failed, then
// subscription_updated to past_due) and redelivers them, and the owner should hear about it once.

type Tx = EmailTx & Pick<Db, "user" | "restaurant">;

const DAY_MS = 24 * 60 * 60 * 1000;

async function ownerOf(tx: Tx, restaurantId: string) {
  const restaurant = await tx.restaurant.findUnique({ where: { id: restaurantId }, select: { id: true, name: true, ownerId: true } });
  if (!restaurant) return null;
  const owner = await ownerRecipient(tx, restaurant.ownerId);
  return owner ? { restaurant, owner } : null;
}

export type PaymentFailedDetails = {
  /** When the subscription became past due; one email per past-due episode. */
  pastDueSince: Date;
  /** When the grace period ends and the menu goes offline. */
  graceEndsAt: Date;
  /** Lemon Squeezy's update-payment-method URL; the billing page when null. */
  updatePaymentUrl: string | null;
  amount?: Money | null;
};

/** "Payment failed": the grace days left and the link to update the card. */
export async function queuePaymentFailedEmail(tx: Tx, restaurantId: string, details: PaymentFailedDetails, now: Date): Promise<string | null> {
  const found = await ownerOf(tx, restaurantId);
  if (!found) return null;
  const { restaurant, owner } = found;
  return enqueueEmail(tx, {
    ...paymentFailedEmail({
      restaurantName: restaurant.name,
      graceDaysLeft: Math.max(0, Math.ceil((details.graceEndsAt.getTime() - now.getTime()) / DAY_MS)),
      graceEndsAt: details.graceEndsAt,
      updatePaymentUrl: details.updatePaymentUrl ?? emailLinks.billing(restaurant.id),
      amount: details.amount ?? null,
    }),
    template: "payment-failed",
    to: owner.email,
    dedupeKey: `payment-failed:${restaurant.id}:${details.pastDueSince.toISOString()}`,
    restaurantId: restaurant.id,
  });
}

export type PaymentRecoveredDetails = {
  /** When the recovered past-due episode began (the pastDueSince it had): one email per episode. */
  pastDueSince: Date;
  renewsAt?: Date | null;
  amount?: Money | null;
};

/** "Payment recovered": the subscription is active again. */
export async function queuePaymentRecoveredEmail(tx: Tx, restaurantId: string, details: PaymentRecoveredDetails): Promise<string | null> {
  const found = await ownerOf(tx, restaurantId);
  if (!found) return null;
  const { restaurant, owner } = found;
  return enqueueEmail(tx, {
    ...paymentRecoveredEmail({
      restaurantName: restaurant.name,
      amount: details.amount ?? null,
      renewsAt: details.renewsAt ?? null,
      billingUrl: emailLinks.billing(restaurant.id),
    }),
    template: "payment-recovered",
    to: owner.email,
    dedupeKey: `payment-recovered:${restaurant.id}:${details.pastDueSince.toISOString()}`,
    restaurantId: restaurant.id,
  });
}

/** "Subscription cancelled": the menu stays live until `liveUntil` (the subscription's ends_at); one per end date. */
export async function queueSubscriptionCancelledEmail(tx: Tx, restaurantId: string, details: { liveUntil: Date }): Promise<string | null> {
  const found = await ownerOf(tx, restaurantId);
  if (!found) return null;
  const { restaurant, owner } = found;
  return enqueueEmail(tx, {
    ...subscriptionCancelledEmail({ restaurantName: restaurant.name, liveUntil: details.liveUntil, billingUrl: emailLinks.billing(restaurant.id) }),
    template: "subscription-cancelled",
    to: owner.email,
    dedupeKey: `subscription-cancelled:${restaurant.id}:${details.liveUntil.toISOString()}`,
    restaurantId: restaurant.id,
  });
}

/**
 * "Menu taken offline" for a billing reason. `offlineSince` is when access ended (the grace period's end, ends_at,
 * or when the pause or unpaid status began): one email per reason and moment.
 */
export async function queueMenuOfflineEmail(
  tx: Tx,
  restaurantId: string,
  details: { reason: MenuOfflineReason; offlineSince: Date },
): Promise<string | null> {
  const found = await ownerOf(tx, restaurantId);
  if (!found) return null;
  const { restaurant, owner } = found;
  return enqueueEmail(tx, {
    ...menuOfflineEmail({ restaurantName: restaurant.name, reason: details.reason, billingUrl: emailLinks.billing(restaurant.id) }),
    template: "menu-offline",
    to: owner.email,
    dedupeKey: `menu-offline:${restaurant.id}:${details.reason}:${details.offlineSince.toISOString()}`,
    restaurantId: restaurant.id,
  });
}
