import type { Subscription } from "~/generated/prisma/client";
import type { SubscriptionStatus } from "~/generated/prisma/enums";
import type { LemonSqueezySubscriptionStatus, SubscriptionAttributes } from "~/schemas/lemon-squeezy-webhook";

/** The columns a subscription event sets: everything Lemon Squeezy tells us, plus when it became past due. */
export type SubscriptionState = Omit<Subscription, "id" | "restaurantId" | "createdAt" | "updatedAt">;

const STATUS: Record<LemonSqueezySubscriptionStatus, SubscriptionStatus> = {
  on_trial: "ON_TRIAL",
  active: "ACTIVE",
  paused: "PAUSED",
  past_due: "PAST_DUE",
  unpaid: "UNPAID",
  cancelled: "CANCELLED",
  expired: "EXPIRED",
};

const dateOrNull = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * The mirrored state after a subscription event. `previous` is the row the restaurant had (possibly another Lemon
 * Squeezy subscription that this one replaces). The grace period runs from the resource's own updated_at at the
 * first event that showed it past due, not from when we happened to process it (a retry may come minutes later).
 */
export function subscriptionStateFrom(resourceId: string, attributes: SubscriptionAttributes, previous: Subscription | null): SubscriptionState {
  const same = previous?.lemonSqueezyId === resourceId ? previous : null;
  const status = STATUS[attributes.status];
  const updatedAt = new Date(attributes.updated_at);
  return {
    lemonSqueezyId: resourceId,
    customerId: attributes.customer_id,
    orderId: attributes.order_id ?? same?.orderId ?? null,
    productId: attributes.product_id ?? same?.productId ?? null,
    variantId: attributes.variant_id,
    status,
    renewsAt: dateOrNull(attributes.renews_at),
    endsAt: dateOrNull(attributes.ends_at),
    trialEndsAt: dateOrNull(attributes.trial_ends_at),
    pastDueSince: status === "PAST_DUE" ? (same?.status === "PAST_DUE" && same.pastDueSince ? same.pastDueSince : updatedAt) : null,
    cardBrand: attributes.card_brand ?? null,
    cardLastFour: attributes.card_last_four ?? null,
    updatePaymentMethodUrl: attributes.urls?.update_payment_method ?? same?.updatePaymentMethodUrl ?? null,
    customerPortalUrl: attributes.urls?.customer_portal ?? same?.customerPortalUrl ?? null,
    subscriptionItemId: attributes.first_subscription_item?.id ?? same?.subscriptionItemId ?? null,
    sourceUpdatedAt: updatedAt,
  };
}

/** A subscription that no longer gives access by itself can be replaced by a new one the owner takes out. */
export function isReplaceable(status: SubscriptionStatus): boolean {
  return status === "EXPIRED" || status === "CANCELLED" || status === "UNPAID" || status === "PAUSED";
}
