// The sandbox's one store, product and variant, standing in for the Lemon Squeezy store that LEMONSQUEEZY_STORE_ID
// and LEMONSQUEEZY_VARIANT_ID name. Its prices are the ones owners are shown (BILLING_*_PKR).

export const SANDBOX_STORE = {
  storeId: 1,
  productId: 1,
  variantId: 1,
  /** The usage-based price of the variant (per published product). */
  priceId: 1,
  productName: "Foodar menu",
  variantName: "Monthly",
} as const;

/** Lemon Squeezy's test card: it always pays. */
export const SANDBOX_TEST_CARD = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" } as const;

/** The sandbox pages, relative to the app's origin. */
export const sandboxCheckoutPath = (checkoutId: string) => `/billing/sandbox/checkout/${checkoutId}`;
export const sandboxSubscriptionPath = (subscriptionId: number) => `/billing/sandbox/subscriptions/${subscriptionId}`;
/** Lemon Squeezy's update-payment-method URL of a sandbox subscription: its page, at the card form. */
export const sandboxPaymentMethodPath = (subscriptionId: number) => `${sandboxSubscriptionPath(subscriptionId)}#payment-method`;

/** Lemon Squeezy writes microseconds: 2026-11-22T10:00:00.000000Z. */
export const vendorTime = (date: Date) => date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

/**
 * The next `updated_at` of a resource: now, but always after the previous one, so two changes within one
 * millisecond still reach the webhook in order and neither is taken for a replay of the other.
 */
export function nextVendorTime(previous: Date | null, now: Date): Date {
  return previous && previous.getTime() >= now.getTime() ? new Date(previous.getTime() + 1) : now;
}

/** One calendar month later (UTC), as a monthly subscription renews; the 31st becomes the month's last day. */
export function addOneMonth(date: Date): Date {
  const next = new Date(date);
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}
