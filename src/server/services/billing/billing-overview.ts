import { billingDriver, billingPrices } from "~/env.js";
import type { Subscription } from "~/generated/prisma/client";
import { trialDaysLeft } from "~/lib/trial";
import type { Db } from "~/server/db-client";
import { notFound } from "~/server/errors";
import { countPublishedProducts } from "./published-products";
import { accessPolicy, restaurantAccess } from "./restaurant-access";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The owner's page shows the last two years of monthly invoices. */
const INVOICES_SHOWN = 24;

type SubscriptionRow = Pick<Subscription, "status" | "endsAt">;

/** A new checkout is offered when there is no subscription, or the one there gives nothing any more. */
export function canSubscribe(subscription: SubscriptionRow | null, now: Date): boolean {
  if (!subscription) return true;
  switch (subscription.status) {
    case "EXPIRED":
    case "UNPAID":
    case "PAUSED":
      return true;
    case "CANCELLED":
      // Still in its paid period: resuming it is the way back, not paying again.
      return !subscription.endsAt || subscription.endsAt.getTime() <= now.getTime();
    default:
      return false;
  }
}

export const canCancel = (subscription: SubscriptionRow | null) =>
  subscription?.status === "ACTIVE" || subscription?.status === "ON_TRIAL" || subscription?.status === "PAST_DUE";

export const canResume = (subscription: SubscriptionRow | null, now: Date) =>
  subscription?.status === "CANCELLED" && subscription.endsAt !== null && subscription.endsAt.getTime() > now.getTime();

/** When a past-due subscription's grace period ends: from when it became past due (or the missed renewal). */
export function graceEndOf(subscription: Pick<Subscription, "status" | "pastDueSince" | "renewsAt" | "sourceUpdatedAt">, graceDays: number): Date | null {
  if (subscription.status !== "PAST_DUE") return null;
  const since = subscription.pastDueSince ?? subscription.renewsAt ?? subscription.sourceUpdatedAt;
  return new Date(since.getTime() + graceDays * DAY_MS);
}

/** The next invoice: the monthly fee plus the fee for each published product (reported to Lemon Squeezy as usage). */
export function priceBreakdown(publishedProducts: number) {
  const prices = billingPrices();
  const productsMinor = publishedProducts * prices.productFeeMinor;
  return { ...prices, publishedProducts, productsMinor, totalMinor: prices.monthlyFeeMinor + productsMinor };
}

/**
 * Everything the owner's billing page shows: the plan and its state (from the mirrored subscription and the access
 * function, so the page says what the menu does), the price breakdown and the invoice history, and which actions
 * apply. Another owner's restaurant is not found.
 */
export async function getBillingOverview(db: Db, ownerId: string, restaurantId: string, now: Date) {
  const restaurant = await db.restaurant.findFirst({
    where: { id: restaurantId, ownerId },
    select: {
      id: true,
      name: true,
      reviewState: true,
      trialEndsAt: true,
      subscription: { include: { invoices: { orderBy: [{ issuedAt: "desc" }, { id: "desc" }], take: INVOICES_SHOWN } } },
    },
  });
  if (!restaurant) throw notFound("Restaurant");
  const policy = accessPolicy();
  const { subscription } = restaurant;
  const access = restaurantAccess(restaurant, now, policy);
  const graceEndsAt = subscription ? graceEndOf(subscription, policy.graceDays) : null;

  return {
    restaurant: { id: restaurant.id, name: restaurant.name, reviewState: restaurant.reviewState },
    driver: billingDriver(),
    access,
    trial: restaurant.trialEndsAt ? { endsAt: restaurant.trialEndsAt, daysLeft: trialDaysLeft(restaurant.trialEndsAt, now) } : null,
    subscription: subscription && {
      lemonSqueezyId: subscription.lemonSqueezyId,
      status: subscription.status,
      renewsAt: subscription.renewsAt,
      endsAt: subscription.endsAt,
      pastDueSince: subscription.pastDueSince,
      graceEndsAt,
      graceDaysLeft: graceEndsAt ? Math.max(0, Math.ceil((graceEndsAt.getTime() - now.getTime()) / DAY_MS)) : null,
      cardBrand: subscription.cardBrand,
      cardLastFour: subscription.cardLastFour,
      updatePaymentMethodUrl: subscription.updatePaymentMethodUrl,
      customerPortalUrl: subscription.customerPortalUrl,
      /** Changes with every event applied: the page polls until it moves after a checkout, cancel or resume. */
      version: subscription.sourceUpdatedAt.toISOString(),
    },
    price: priceBreakdown(await countPublishedProducts(db, restaurant.id)),
    invoices: (subscription?.invoices ?? []).map((invoice) => ({
      id: invoice.id,
      issuedAt: invoice.issuedAt,
      status: invoice.status,
      billingReason: invoice.billingReason,
      currency: invoice.currency,
      totalMinor: invoice.totalMinor,
      refundedMinor: invoice.refundedMinor,
      invoiceUrl: invoice.invoiceUrl,
    })),
    actions: {
      subscribe: restaurant.reviewState === "APPROVED" && canSubscribe(subscription, now),
      cancel: canCancel(subscription),
      resume: canResume(subscription, now),
      updatePaymentMethod: Boolean(subscription?.updatePaymentMethodUrl) && subscription?.status !== "EXPIRED",
    },
  };
}

export type BillingOverview = Awaited<ReturnType<typeof getBillingOverview>>;
