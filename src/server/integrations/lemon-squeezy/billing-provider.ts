// The payments port: what the owner's billing page asks of Lemon Squeezy. Two drivers: Lemon Squeezy's API through
// its SDK (with LEMONSQUEEZY_API_KEY) and the sandbox, which keeps its own state and sends signed webhooks to our
// own route. Neither changes our Subscription rows: those follow the webhooks only, whoever sends them.

export type CheckoutRequest = {
  restaurantId: string;
  /** Prefilled on the checkout; Lemon Squeezy sends receipts there. */
  email: string;
  name: string | null;
  /** Where the checkout sends the owner after paying: the billing page, absolute. */
  redirectUrl: string;
};

export type BillingProvider = {
  readonly driver: "lemon-squeezy" | "sandbox";
  /** A checkout for the configured subscription variant; the owner is sent to `url` to pay. */
  createCheckout(request: CheckoutRequest): Promise<{ url: string }>;
  /** Cancels at the end of the paid period (Lemon Squeezy then says `cancelled` with `ends_at`). */
  cancelSubscription(lemonSqueezyId: string): Promise<void>;
  /** Undoes a cancellation before `ends_at`. */
  resumeSubscription(lemonSqueezyId: string): Promise<void>;
};

/** The custom data every checkout carries; Lemon Squeezy returns it in each event's `meta.custom_data`. */
export function checkoutCustomData(restaurantId: string): { restaurant_id: string } {
  // Written snake_case already: the SDK snake-cases every key it sends, and the webhook reads `restaurant_id`.
  return { restaurant_id: restaurantId };
}
