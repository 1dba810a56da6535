import type { Metadata } from "next";
import Link from "next/link";
import { CircleCheck } from "lucide-react";
import { SandboxBanner } from "~/components/billing-sandbox/sandbox-banner";
import { SandboxCheckoutForm } from "~/components/billing-sandbox/sandbox-checkout-form";
import { loadSandboxCheckout } from "~/components/billing-sandbox/load-sandbox";
import { buttonClasses } from "~/components/ui/button-styles";
import { Card } from "~/components/ui/card";
import { billingPath } from "~/lib/billing-path";
import { formatPrice } from "~/lib/money";
import { SANDBOX_TEST_CARD, sandboxSubscriptionPath } from "~/server/services/billing-sandbox/sandbox-store";

export const metadata: Metadata = { title: "Checkout (sandbox)" };

export default async function SandboxCheckoutPage({ params }: { params: Promise<{ checkoutId: string }> }) {
  const { checkoutId } = await params;
  const checkout = await loadSandboxCheckout(checkoutId);
  const money = (minor: number) => formatPrice(minor, checkout.currency);
  const usageMinor = checkout.publishedProducts * checkout.productFeeMinor;

  return (
    <>
      <SandboxBanner>Test mode: the billing sandbox stands in for Lemon Squeezy. No card is charged.</SandboxBanner>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="p-5 sm:p-6">
          <section aria-labelledby="summary-title" className="flex flex-col gap-4">
            <div>
              <p className="text-sm font-medium text-stone-600">Foodar</p>
              <h1 id="summary-title" className="text-2xl font-bold text-stone-900">
                {checkout.productName}
              </h1>
              <p className="text-sm text-stone-600">
                {checkout.variantName} plan for {checkout.restaurant.name}
              </p>
            </div>
            <dl className="divide-y divide-stone-200 text-sm">
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-stone-700">Monthly fee</dt>
                <dd className="font-medium tabular-nums">{money(checkout.monthlyFeeMinor)} / month</dd>
              </div>
              <div className="flex justify-between gap-4 py-2">
                <dt className="text-stone-700">
                  Per published dish, billed monthly ({checkout.publishedProducts} now)
                </dt>
                <dd className="font-medium tabular-nums">{money(checkout.productFeeMinor)} each</dd>
              </div>
              <div className="flex justify-between gap-4 py-2">
                <dt className="font-semibold text-stone-900">Due today</dt>
                <dd className="font-semibold tabular-nums" data-testid="due-today">
                  {money(checkout.monthlyFeeMinor)}
                </dd>
              </div>
            </dl>
            <p className="text-sm text-stone-600">
              Then about {money(checkout.monthlyFeeMinor + usageMinor)} a month with {checkout.publishedProducts}{" "}
              {checkout.publishedProducts === 1 ? "dish" : "dishes"} on the menu, renewing monthly until you cancel.
            </p>
          </section>
        </Card>
        <Card className="p-5 sm:p-6">
          {checkout.paidAt ? (
            <div className="flex flex-col items-start gap-4">
              <p className="flex items-center gap-2 font-semibold text-emerald-800">
                <CircleCheck aria-hidden className="size-5" />
                This checkout has been paid.
              </p>
              <div className="flex flex-wrap gap-2">
                <Link href={billingPath(checkout.restaurant.id)} className={buttonClasses("primary")}>
                  Back to billing
                </Link>
                {checkout.subscriptionId ? (
                  <Link href={sandboxSubscriptionPath(checkout.subscriptionId)} className={buttonClasses("secondary")}>
                    The subscription in the sandbox
                  </Link>
                ) : null}
              </div>
            </div>
          ) : (
            <SandboxCheckoutForm
              checkoutId={checkout.id}
              email={checkout.email}
              name={checkout.name}
              payLabel={`Pay ${money(checkout.monthlyFeeMinor)}`}
              testCard={SANDBOX_TEST_CARD}
            />
          )}
        </Card>
      </div>
    </>
  );
}
