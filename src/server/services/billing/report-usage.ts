import type { SubscriptionStatus } from "~/generated/prisma/enums";
import type { Db } from "~/server/db-client";
import { UsageReportError, type UsageReporter } from "~/server/integrations/lemon-squeezy/usage-reporter";
import { countPublishedProducts } from "./published-products";

/** Subscriptions that Lemon Squeezy still invoices: usage reported to any other would never be billed. */
export const BILLED_STATUSES: readonly SubscriptionStatus[] = ["ON_TRIAL", "ACTIVE", "PAST_DUE"];

export type UsageReportRequest =
  /** After menu edits: reported only when the count differs from the last one this item was given. */
  | { subscriptionId: string; reason: "change"; jobId: string }
  /** Daily, whatever the count: once per item and UTC day (see reconcileUsage for why). */
  | { subscriptionId: string; reason: "reconcile"; day: string };

export type UsageReportOutcome = "reported" | "unchanged" | "skipped" | "failed" | "retry";

/** Thrown when an attempt failed and another may succeed: the job runner retries it with backoff. */
export class UsageReportRetryError extends Error {
  constructor(subscriptionId: string, cause: string) {
    super(`The usage of subscription ${subscriptionId} was not reported and will be retried: ${cause}`);
    this.name = "UsageReportRetryError";
  }
}

// The vendor call happens inside the transaction (under the subscription's lock); it is given up on well before.
const VENDOR_TIMEOUT_MS = 30_000;
const TRANSACTION_TIMEOUT_MS = 60_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * The key names the subscription item, so a report to the item of a subscription that was since replaced does not
 * count as this item's, and the job (or the day), so that a job that runs again reports once.
 */
function idempotencyKeyOf(request: UsageReportRequest, subscriptionItemId: string): string {
  const cause = request.reason === "change" ? `job:${request.jobId}` : `day:${request.day}`;
  return `usage:${subscriptionItemId}:${cause}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UsageReportError(`No answer from the usage API within ${ms / 1000} s`, true)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sets a subscription item's usage to the restaurant's published products, recorded in UsageReport under a key
 * unique per intended report. Reports of one subscription are serialised by a transaction-scoped advisory lock,
 * and each counts the products under it, so the last report sent always carries the latest count. A report whose
 * row is already REPORTED (a job run twice) or FAILED (given up on) is not sent again.
 *
 * A failure records the attempt and its error. A retryable one leaves the report PENDING and throws so the job is
 * retried; a refusal (another 4xx) or the last attempt marks it FAILED, and the next change or the daily
 * reconcile reports the count again.
 */
export async function reportUsage(
  db: Db,
  reporter: UsageReporter,
  request: UsageReportRequest,
  options: { lastAttempt: boolean; now?: () => Date },
): Promise<UsageReportOutcome> {
  const now = options.now ?? (() => new Date());
  const outcome = await db.$transaction(
    async (tx): Promise<{ result: UsageReportOutcome; error?: string }> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`usage-report:${request.subscriptionId}`}, 0))`;
      const subscription = await tx.subscription.findUnique({
        where: { id: request.subscriptionId },
        select: { id: true, restaurantId: true, status: true, subscriptionItemId: true },
      });
      if (!subscription?.subscriptionItemId || !BILLED_STATUSES.includes(subscription.status)) return { result: "skipped" };
      const itemId = subscription.subscriptionItemId;
      const idempotencyKey = idempotencyKeyOf(request, itemId);

      const existing = await tx.usageReport.findUnique({ where: { idempotencyKey } });
      if (existing && existing.status !== "PENDING") return { result: "skipped" };
      const quantity = await countPublishedProducts(tx, subscription.restaurantId);
      if (!existing && request.reason === "change") {
        const last = await tx.usageReport.findFirst({
          where: { subscriptionId: subscription.id, status: "REPORTED", idempotencyKey: { startsWith: `usage:${itemId}:` } },
          orderBy: { reportedAt: "desc" },
          select: { quantity: true },
        });
        if (last?.quantity === quantity) return { result: "unchanged" };
      }
      const report =
        existing ?? (await tx.usageReport.create({ data: { subscriptionId: subscription.id, quantity, reason: request.reason, idempotencyKey } }));

      try {
        const { usageRecordId } = await withTimeout(reporter.setUsage({ subscriptionItemId: itemId, quantity, idempotencyKey }), VENDOR_TIMEOUT_MS);
        await tx.usageReport.update({
          where: { id: report.id },
          data: { status: "REPORTED", quantity, lemonSqueezyId: usageRecordId, reportedAt: now(), attempts: { increment: 1 }, error: null },
        });
        return { result: "reported" };
      } catch (error) {
        const retryable = !(error instanceof UsageReportError) || error.retryable;
        const giveUp = !retryable || options.lastAttempt;
        await tx.usageReport.update({
          where: { id: report.id },
          data: { status: giveUp ? "FAILED" : "PENDING", quantity, attempts: { increment: 1 }, error: messageOf(error) },
        });
        return { result: giveUp ? "failed" : "retry", error: messageOf(error) };
      }
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
  if (outcome.result === "retry") throw new UsageReportRetryError(request.subscriptionId, outcome.error ?? "unknown error");
  return outcome.result;
}
