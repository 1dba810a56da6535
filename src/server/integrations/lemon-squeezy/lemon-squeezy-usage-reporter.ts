import { createUsageRecord, lemonSqueezySetup } from "@lemonsqueezy/lemonsqueezy.js";
import { UsageReportError, type UsageReporter } from "./usage-reporter";

// Lemon Squeezy's answers worth another try: rate limited, or its own failure.
const isRetryableStatus = (status: number) => status === 429 || status >= 500;

/**
 * Usage through Lemon Squeezy's SDK: POST /v1/usage-records with `action: "set"`, so the item's usage for the
 * current billing period becomes the quantity, however often the same report is sent. The SDK never throws for an
 * HTTP error: it returns {statusCode, error}, which becomes a UsageReportError (retryable for no answer, 429 and
 * 5xx). Its configuration (the API key) is module-wide, so it is set before every call.
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
      lemonSqueezySetup({ apiKey: options.apiKey });
      const { statusCode, data, error } = await createUsageRecord({
        subscriptionItemId: usage.subscriptionItemId,
        quantity: usage.quantity,
        action: "set",
      });
      if (error || !data) {
        const cause = error?.cause === undefined ? "" : `: ${JSON.stringify(error.cause)}`;
        const message = `Lemon Squeezy refused the usage record${statusCode ? ` (${statusCode})` : ""}: ${error?.message ?? "no body"}${cause}`;
        throw new UsageReportError(message.slice(0, 1000), statusCode === null || isRetryableStatus(statusCode), statusCode);
      }
      return { usageRecordId: data.data.id };
    },
  };
}
