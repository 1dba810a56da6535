import { days, formatDatePk, formatMoney, type Money } from "./format";
import { renderEmail } from "./layout";

export type PaymentFailedInput = {
  restaurantName: string;
  /** Whole days until the grace period ends (0 on its last day). */
  graceDaysLeft: number;
  graceEndsAt: Date;
  /** Lemon Squeezy's page for a new card; the billing page when it is not known. */
  updatePaymentUrl: string;
  amount: Money | null;
};

/** To the owner: a payment failed; the menu stays online for the grace period. */
export function paymentFailedEmail(input: PaymentFailedInput) {
  const left = input.graceDaysLeft > 0 ? `within ${days(input.graceDaysLeft)}` : "today";
  const charge = input.amount ? `We could not charge ${formatMoney(input.amount)}` : "We could not charge your card";
  return renderEmail(`Payment failed for ${input.restaurantName}: update your card ${left}`, {
    preview: `Update your payment method by ${formatDatePk(input.graceEndsAt)} to keep your menu online.`,
    heading: "Your payment did not go through",
    paragraphs: [
      `${charge} for the Foodar subscription of ${input.restaurantName}.`,
      `Your menu stays online until ${formatDatePk(input.graceEndsAt)}. Update your payment method ${left} and we will try again; after that date the menu goes offline until the payment succeeds.`,
    ],
    details: [
      ...(input.amount ? [{ label: "Amount due", value: formatMoney(input.amount) }] : []),
      { label: "Days left", value: days(input.graceDaysLeft) },
      { label: "Menu goes offline", value: formatDatePk(input.graceEndsAt) },
    ],
    action: { label: "Update payment method", url: input.updatePaymentUrl },
  });
}
