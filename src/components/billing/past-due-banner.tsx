import { Alert } from "~/components/ui/alert";
import { daysLabel, formatBillingDate } from "~/lib/billing-labels";

type PastDueBannerProps = { graceEndsAt: Date; graceDaysLeft: number; updatePaymentMethodUrl: string | null };

/** A failed payment: how long the menu stays live, and the way to fix it. */
export function PastDueBanner({ graceEndsAt, graceDaysLeft, updatePaymentMethodUrl }: PastDueBannerProps) {
  const over = graceDaysLeft <= 0;
  return (
    <Alert tone="error" title="Your last payment failed" className="mb-6">
      <p data-testid="grace-days-left">
        {over
          ? `The grace period ended on ${formatBillingDate(graceEndsAt)} and your menu is offline.`
          : `Your menu stays live for ${daysLabel(graceDaysLeft)} more (until ${formatBillingDate(graceEndsAt)}), while Lemon Squeezy retries the payment.`}{" "}
        Update your payment method to {over ? "bring it back" : "keep it online"}.
      </p>
      {updatePaymentMethodUrl ? (
        <a href={updatePaymentMethodUrl} className="mt-2 inline-block font-semibold underline underline-offset-2">
          Update payment method
        </a>
      ) : null}
    </Alert>
  );
}
