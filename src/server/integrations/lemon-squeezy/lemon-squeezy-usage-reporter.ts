import { createUsageRecord } from "@lemonsqueezy/lemonsqueezy.js";
import { LemonSqueezyApiError, setLemonSqueezyKey, unwrapLemonSqueezy } from "./lemon-squeezy-client";
import { UsageReportError, type UsageReporter } from "./usage-reporter";

/**
 * Usage through Lemon Squeezy's SDK: POST /v1/usage-records with `action: "set"`, so the item's usage for the
 * current billing period becomes the quantity, however often the same report is sent. A refusal or an outage
 * becomes a UsageReportError, retryable for no answer, 429 and 5xx (see unwrapLemonSqueezy).
 */
export function createLemonSqueezyUsageReporter(options: { apiKey: string }): UsageReporter {
  return {
    driver: "lemon-squeezy",
    async setUsage(usage) {
      // The API (and the SDK's own check) takes a positive quantity only: a period with no published products
      // cannot be set to zero, so the item keeps its last reported usage until a product is published again.
      if (!Number.isInteger(usage.quantity) || usage.quantity < 1) {
        throw new UsageReportError(
          `Lemon Squeezy accepts only a positive usage quantity, not ${usage.quantity}; the subscription item keeps its last reported usage`,
          false,
        );
      }
      setLemonSqueezyKey(options.apiKey);
      try {
        const record = unwrapLemonSqueezy(
          await createUsageRecord({ subscriptionItemId: usage.subscriptionItemId, quantity: usage.quantity, action: "set" }),
          "setting the usage",
        );
        return { usageRecordId: record.data.id };
      } catch (error) {
        if (error instanceof LemonSqueezyApiError) throw new UsageReportError(error.message, error.retryable, error.status);
        throw error;
      }
    },
  };
}
