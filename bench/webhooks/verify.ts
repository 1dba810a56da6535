import type { Db } from "../../src/server/db-client";
import type { ExpectedState } from "./deliveries";
import type { DeliveryResult } from "./send";

// Exactly-once, by counting rows after the run: every unique event stored once and applied once (processed, or
// ignored as older than the state held), every duplicate answered as one, and the mirrored state equal to the
// newest event of each subscription and invoice, whatever order the deliveries were applied in.

export type Check = { what: string; expected: string; found: string; pass: boolean };

const check = (what: string, expected: number | string, found: number | string): Check => ({
  what,
  expected: String(expected),
  found: String(found),
  pass: String(expected) === String(found),
});

export async function verifyEffects(db: Db, restaurantIds: string[], expected: ExpectedState, results: DeliveryResult[]): Promise<Check[]> {
  const checks: Check[] = [];
  checks.push(check("Deliveries answered 200 (after Lemon Squeezy-style retries)", results.length, results.filter((result) => result.status === 200).length));

  // Each unique event must have been taken exactly once: one answer that applied it, all others "duplicate".
  const applied = new Map<number, number>();
  for (const result of results) {
    if (result.outcome === "processed" || result.outcome === "ignored") applied.set(result.delivery.event, (applied.get(result.delivery.event) ?? 0) + 1);
  }
  checks.push(check("Unique events applied by exactly one delivery", expected.uniqueEvents, [...applied.values()].filter((count) => count === 1).length));
  checks.push(check("Deliveries answered as duplicates", results.length - expected.uniqueEvents, results.filter((result) => result.outcome === "duplicate").length));

  const events = await db.webhookEvent.groupBy({ by: ["status"], where: { restaurantId: { in: restaurantIds } }, _count: true });
  const stored = (status: string) => events.find((row) => row.status === status)?._count ?? 0;
  checks.push(check("WebhookEvent rows", expected.uniqueEvents, events.reduce((sum, row) => sum + row._count, 0)));
  checks.push(check("WebhookEvent rows PROCESSED or IGNORED (none FAILED or INVALID)", expected.uniqueEvents, stored("PROCESSED") + stored("IGNORED")));

  const subscriptions = await db.subscription.findMany({ where: { restaurantId: { in: restaurantIds } }, select: { lemonSqueezyId: true, status: true, sourceUpdatedAt: true } });
  checks.push(check("Subscription rows", expected.subscriptions.size, subscriptions.length));
  const newestSubscriptions = subscriptions.filter((row) => {
    const newest = expected.subscriptions.get(row.lemonSqueezyId);
    return newest && newest.status.toUpperCase() === row.status && newest.updatedAt.getTime() === row.sourceUpdatedAt.getTime();
  });
  checks.push(check("Subscriptions in the state of their newest event", expected.subscriptions.size, newestSubscriptions.length));

  const invoices = await db.invoice.findMany({ where: { subscription: { restaurantId: { in: restaurantIds } } }, select: { lemonSqueezyId: true, status: true } });
  checks.push(check("Invoice rows", expected.invoices.size, invoices.length));
  checks.push(check("Invoices in the status of their newest event", expected.invoices.size, invoices.filter((row) => expected.invoices.get(row.lemonSqueezyId) === row.status).length));

  // A subscription's first event brings its subscription item, which queues one usage report in the same transaction.
  const [usageJobs] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM pgboss.job j JOIN "Subscription" s ON s.id::text = j.data->>'subscriptionId'
    WHERE j.name = 'usage-reports' AND s."restaurantId" = ANY(${restaurantIds}::uuid[])`;
  checks.push(check("Usage-report jobs queued (one per new subscription item)", expected.subscriptions.size, Number(usageJobs?.count ?? 0)));
  return checks;
}
