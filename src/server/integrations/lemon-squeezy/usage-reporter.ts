// The usage port: sets a subscription item's usage (the published products) for the current billing period.
// Two drivers: Lemon Squeezy's API through its SDK (with LEMONSQUEEZY_API_KEY) and the sandbox's own state.

export type UsageToReport = {
  /** Lemon Squeezy's subscription item (the usage-based price of the subscription). */
  subscriptionItemId: string;
  quantity: number;
  /**
   * One per intended report. Lemon Squeezy has no idempotency key for usage records, but the action is always
   * `set`, so sending the same report again leaves the same usage; the sandbox records each key once.
   */
  idempotencyKey: string;
};

export type ReportedUsage = { usageRecordId: string };

export type UsageReporter = {
  readonly driver: "lemon-squeezy" | "sandbox";
  setUsage(usage: UsageToReport): Promise<ReportedUsage>;
};

/** A report that did not go through: retryable (network, 429, 5xx) or refused for good (another 4xx). */
export class UsageReportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "UsageReportError";
  }
}
