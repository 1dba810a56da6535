import { cancelSubscription, createCheckout, updateSubscription } from "@lemonsqueezy/lemonsqueezy.js";
import { checkoutCustomData, type BillingProvider } from "./billing-provider";
import { unwrapLemonSqueezy, setLemonSqueezyKey, type LemonSqueezyCredentials } from "./lemon-squeezy-client";

/**
 * Lemon Squeezy's side of billing through its SDK: POST /v1/checkouts for the configured store and variant (only
 * that variant offered, the owner's email prefilled, the restaurant in custom data, back to the billing page after
 * paying), DELETE /v1/subscriptions/:id to cancel and PATCH `cancelled: false` to resume. A refusal or an outage
 * becomes a LemonSqueezyApiError naming what failed.
 */
export function createLemonSqueezyBilling(credentials: LemonSqueezyCredentials): BillingProvider {
  return {
    driver: "lemon-squeezy",

    async createCheckout(request) {
      setLemonSqueezyKey(credentials.apiKey);
      const result = await createCheckout(credentials.storeId, credentials.variantId, {
        productOptions: { redirectUrl: request.redirectUrl, enabledVariants: [Number(credentials.variantId)] },
        checkoutData: { email: request.email, ...(request.name ? { name: request.name } : {}), custom: checkoutCustomData(request.restaurantId) },
      });
      const checkout = unwrapLemonSqueezy(result, "creating the checkout");
      return { url: checkout.data.attributes.url };
    },

    async cancelSubscription(lemonSqueezyId) {
      setLemonSqueezyKey(credentials.apiKey);
      unwrapLemonSqueezy(await cancelSubscription(lemonSqueezyId), "cancelling the subscription");
    },

    async resumeSubscription(lemonSqueezyId) {
      setLemonSqueezyKey(credentials.apiKey);
      unwrapLemonSqueezy(await updateSubscription(lemonSqueezyId, { cancelled: false }), "resuming the subscription");
    },
  };
}
