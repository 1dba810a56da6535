"use client";

import { useEffect, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { CreditCard, ExternalLink, FlaskConical, LoaderCircle } from "lucide-react";
import { toast } from "sonner";
import { api, type RouterOutputs } from "~/trpc/react";
import { cardBrandLabel, daysLabel, formatBillingDate } from "~/lib/billing-labels";
import { formatPrice } from "~/lib/money";
import { InvoiceHistory } from "~/components/billing/invoice-history";
import { PastDueBanner } from "~/components/billing/past-due-banner";
import { PriceBreakdown } from "~/components/billing/price-breakdown";
import { SubscriptionStatusBadge } from "~/components/billing/subscription-status-badge";
import { useAwaitedChange } from "~/components/billing/use-awaited-change";
import { DialogActions } from "~/components/menu/dialog-actions";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { buttonClasses } from "~/components/ui/button-styles";
import { Card } from "~/components/ui/card";
import { ModalDialog } from "~/components/ui/modal-dialog";

type Overview = RouterOutputs["billing"]["overview"];

const POLL_MS = 1500;

function planState(overview: Overview) {
  if (overview.subscription) return overview.subscription.status;
  return overview.access.live && overview.access.basis === "TRIAL" ? "TRIAL" : "NONE";
}

function MenuState({ overview }: { overview: Overview }) {
  const { access } = overview;
  if (access.live) {
    return <p className="text-sm text-stone-700">Your menu is live{access.until ? ` until ${formatBillingDate(access.until)}` : ""}.</p>;
  }
  if (access.reason === "NOT_APPROVED") return <p className="text-sm text-stone-700">Your menu goes live once an admin approves the restaurant.</p>;
  return <p className="text-sm font-medium text-red-800">Your menu is offline. Subscribe to bring it back.</p>;
}

function PlanDetails({ overview }: { overview: Overview }) {
  const { subscription, trial } = overview;
  const rows: Array<[string, string]> = [];
  if (trial && (!subscription || subscription.status === "ON_TRIAL") && trial.daysLeft > 0) {
    rows.push(["Free trial", `${daysLabel(trial.daysLeft)} left (ends ${formatBillingDate(trial.endsAt)})`]);
  } else if (trial && !subscription) {
    rows.push(["Free trial", `ended ${formatBillingDate(trial.endsAt)}`]);
  }
  if (subscription) {
    if ((subscription.status === "ACTIVE" || subscription.status === "ON_TRIAL") && subscription.renewsAt) {
      rows.push(["Next renewal", formatBillingDate(subscription.renewsAt)]);
    }
    if (subscription.status === "CANCELLED" && subscription.endsAt) rows.push(["Ends", formatBillingDate(subscription.endsAt)]);
    if (subscription.status === "EXPIRED" && subscription.endsAt) rows.push(["Ended", formatBillingDate(subscription.endsAt)]);
    if (subscription.cardLastFour) rows.push(["Card", `${cardBrandLabel(subscription.cardBrand)} ending in ${subscription.cardLastFour}`]);
  }
  if (rows.length === 0) return null;
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold text-stone-800">{term}</dt>
          <dd className="text-stone-700" data-testid={term === "Free trial" ? "billing-trial" : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

type BillingPanelProps = { restaurantId: string; initialOverview: Overview; returnedFromCheckout: boolean };

export function BillingPanel({ restaurantId, initialOverview, returnedFromCheckout }: BillingPanelProps) {
  const router = useRouter();
  const pathname = usePathname();
  const utils = api.useUtils();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  // Back from a checkout with no running subscription yet: its webhook is still on the way.
  const change = useAwaitedChange(
    returnedFromCheckout && initialOverview.actions.subscribe ? { kind: "checkout", fromVersion: initialOverview.subscription?.version ?? null } : null,
  );
  const query = api.billing.overview.useQuery(
    { restaurantId },
    { initialData: initialOverview, refetchInterval: (current) => (change.isWaiting(current.state.data?.subscription?.version ?? null) ? POLL_MS : false) },
  );
  const overview = query.data;
  const version = overview.subscription?.version ?? null;
  const waiting = change.isWaiting(version);

  useEffect(() => {
    // Once the checkout's outcome is shown, a reload should not wait for it again.
    if (returnedFromCheckout && !waiting) router.replace(pathname, { scroll: false });
  }, [returnedFromCheckout, waiting, router, pathname]);

  const onError = (error: { message: string }) => toast.error(error.message);
  const checkout = api.billing.checkout.useMutation({ onSuccess: ({ url }) => window.location.assign(url), onError });
  const afterChange = async () => {
    change.awaitChange("change", version);
    await utils.billing.overview.invalidate({ restaurantId });
  };
  const cancel = api.billing.cancel.useMutation({
    onSuccess: async () => {
      setConfirmingCancel(false);
      toast.success("Cancellation requested");
      await afterChange();
    },
    onError,
  });
  const resume = api.billing.resume.useMutation({
    onSuccess: async () => {
      toast.success("Resume requested");
      await afterChange();
    },
    onError,
  });

  const { subscription, actions, price } = overview;
  const sandbox = overview.driver === "sandbox";

  return (
    <div className="flex flex-col gap-6">
      {waiting ? (
        <div role="status" className="flex items-center gap-3 rounded-xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
          <LoaderCircle aria-hidden className="size-5 animate-spin" />
          {change.kind === "checkout"
            ? "Waiting for Lemon Squeezy to confirm your payment. This page updates by itself."
            : "Waiting for Lemon Squeezy to confirm the change. This page updates by itself."}
        </div>
      ) : null}
      {change.hasGivenUp(version) ? (
        <Alert title="Not confirmed yet">Lemon Squeezy has not confirmed it yet; it can take a few minutes. Reload this page later to see it.</Alert>
      ) : null}
      {subscription?.status === "PAST_DUE" && subscription.graceEndsAt && subscription.graceDaysLeft !== null ? (
        <PastDueBanner graceEndsAt={subscription.graceEndsAt} graceDaysLeft={subscription.graceDaysLeft} updatePaymentMethodUrl={subscription.updatePaymentMethodUrl} />
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card className="p-5 sm:p-6">
            <section aria-labelledby="plan-title" className="flex flex-col gap-4">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="plan-title" className="text-base font-semibold text-stone-900">
                  Monthly plan
                </h2>
                <SubscriptionStatusBadge state={planState(overview)} />
              </div>
              <p className="text-sm text-stone-700">
                {formatPrice(price.monthlyFeeMinor, price.currency)} a month, plus {formatPrice(price.productFeeMinor, price.currency)} for each dish on your
                menu.
              </p>
              <MenuState overview={overview} />
              <PlanDetails overview={overview} />
              <div className="flex flex-wrap gap-2">
                {actions.subscribe ? (
                  <Button pending={checkout.isPending} disabled={waiting} onClick={() => checkout.mutate({ restaurantId })}>
                    <CreditCard aria-hidden className="size-4" />
                    Subscribe
                  </Button>
                ) : null}
                {actions.updatePaymentMethod && subscription?.updatePaymentMethodUrl ? (
                  <a href={subscription.updatePaymentMethodUrl} className={buttonClasses("secondary")}>
                    Update payment method
                  </a>
                ) : null}
                {actions.resume ? (
                  <Button variant="secondary" pending={resume.isPending} onClick={() => resume.mutate({ restaurantId })}>
                    Resume subscription
                  </Button>
                ) : null}
                {actions.cancel ? (
                  <Button variant="ghost" onClick={() => setConfirmingCancel(true)}>
                    Cancel subscription
                  </Button>
                ) : null}
                {subscription?.customerPortalUrl ? (
                  <a href={subscription.customerPortalUrl} className={buttonClasses("ghost")}>
                    {sandbox ? <FlaskConical aria-hidden className="size-4" /> : <ExternalLink aria-hidden className="size-4" />}
                    {sandbox ? "Open in the billing sandbox" : "Receipts and billing details"}
                  </a>
                ) : null}
              </div>
              {overview.restaurant.reviewState !== "APPROVED" ? (
                <p className="text-sm text-stone-600">You can subscribe once the restaurant is approved.</p>
              ) : null}
            </section>
          </Card>
          <Card className="p-5 sm:p-6">
            <InvoiceHistory invoices={overview.invoices} />
          </Card>
        </div>
        <div className="flex flex-col gap-4 lg:sticky lg:top-24">
          <Card className="p-5 sm:p-6">
            <PriceBreakdown price={price} />
          </Card>
          {sandbox ? (
            <p className="flex gap-2 text-sm text-stone-600">
              <FlaskConical aria-hidden className="mt-0.5 size-4 shrink-0" />
              Sandbox billing: Lemon Squeezy is not configured, so checkouts and payments are simulated here and no money moves.
            </p>
          ) : null}
        </div>
      </div>

      <ModalDialog
        open={confirmingCancel}
        title="Cancel the subscription?"
        description={
          subscription?.renewsAt && subscription.status === "ACTIVE"
            ? `Your menu stays live until ${formatBillingDate(subscription.renewsAt)}, the end of the period you paid for. You can resume until then.`
            : "Your menu goes offline when the period you paid for ends."
        }
        pending={cancel.isPending}
        onClose={() => setConfirmingCancel(false)}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate({ restaurantId });
          }}
        >
          <DialogActions pending={cancel.isPending} onCancel={() => setConfirmingCancel(false)} />
        </form>
      </ModalDialog>
    </div>
  );
}
