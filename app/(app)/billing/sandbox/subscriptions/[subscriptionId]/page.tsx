import type { Metadata } from "next";
import { SandboxActions } from "~/components/billing-sandbox/sandbox-actions";
import { SandboxBanner } from "~/components/billing-sandbox/sandbox-banner";
import { SandboxCardForm } from "~/components/billing-sandbox/sandbox-card-form";
import { loadSandboxSubscription } from "~/components/billing-sandbox/load-sandbox";
import { BackLink } from "~/components/ui/back-link";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { billingPath } from "~/lib/billing-path";
import { cardBrandLabel, formatBillingDate, vendorStatusLabel } from "~/lib/billing-labels";
import { formatPrice } from "~/lib/money";
import { SANDBOX_TEST_CARD } from "~/server/services/billing-sandbox/sandbox-store";

export const metadata: Metadata = { title: "Subscription (sandbox)" };

export default async function SandboxSubscriptionPage({ params }: { params: Promise<{ subscriptionId: string }> }) {
  const { subscriptionId } = await params;
  const subscription = await loadSandboxSubscription(subscriptionId);
  const details: Array<[string, string]> = [
    ["Status", vendorStatusLabel(subscription.status)],
    ["Customer", subscription.email],
    ["Card", `${cardBrandLabel(subscription.cardBrand)} ending in ${subscription.cardLastFour}`],
    ["Started", formatBillingDate(subscription.createdAt)],
  ];
  if (subscription.renewsAt) details.push([subscription.status === "past_due" ? "Missed renewal" : "Renews", formatBillingDate(subscription.renewsAt)]);
  if (subscription.endsAt) details.push([subscription.status === "expired" ? "Ended" : "Ends", formatBillingDate(subscription.endsAt)]);

  return (
    <>
      <SandboxBanner>Test mode: you are acting as Lemon Squeezy. Each button sends its signed webhooks to Foodar.</SandboxBanner>
      <BackLink href={billingPath(subscription.restaurant.id)}>Billing</BackLink>
      <PageHeader eyebrow="Billing sandbox" title={`Subscription #${subscription.id}`} description={`${subscription.restaurant.name}, monthly plan`} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <Card className="p-5 sm:p-6">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="sandbox-subscription">
              {details.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="font-semibold text-stone-800">{term}</dt>
                  <dd className="text-stone-700">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card className="p-5 sm:p-6">
            <section aria-labelledby="simulate-title">
              <h2 id="simulate-title" className="mb-4 text-base font-semibold text-stone-900">
                Make something happen
              </h2>
              <SandboxActions subscriptionId={subscription.id} actions={subscription.actions} />
            </section>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card className="p-5 sm:p-6">
            <section aria-labelledby="payment-method-title" id="payment-method" className="scroll-mt-24">
              <h2 id="payment-method-title" className="mb-4 text-base font-semibold text-stone-900">Payment method</h2>
              {subscription.status === "expired" ? (
                <p className="text-sm text-stone-600">This subscription has expired; a new checkout takes a card of its own.</p>
              ) : (
                <SandboxCardForm subscriptionId={subscription.id} testCard={SANDBOX_TEST_CARD} name={subscription.name ?? ""} />
              )}
            </section>
          </Card>
          <Card className="p-5 sm:p-6">
            <section aria-labelledby="sandbox-invoices-title">
              <h2 id="sandbox-invoices-title" className="mb-3 text-base font-semibold text-stone-900">
                Invoices
              </h2>
              <ul className="divide-y divide-stone-200 text-sm">
                {subscription.invoices.map((invoice) => (
                  <li key={invoice.id} id={`invoice-${invoice.id}`} className="flex justify-between gap-4 py-2">
                    <span>
                      #{invoice.id} · {formatBillingDate(invoice.createdAt)} · {invoice.billingReason} · {vendorStatusLabel(invoice.status)}
                    </span>
                    <span className="tabular-nums">{formatPrice(invoice.totalMinor, invoice.currency)}</span>
                  </li>
                ))}
              </ul>
            </section>
          </Card>
        </div>
      </div>
    </>
  );
}
