import { formatDatePk, formatMoney, type Money } from "./format";
import { renderEmail } from "./layout";

export type PaymentRecoveredInput = { restaurantName: string; amount: Money | null; renewsAt: Date | null; billingUrl: string };

/** To the owner: the failed payment went through after all. */
export function paymentRecoveredEmail(input: PaymentRecoveredInput) {
  return renderEmail(`Payment received for ${input.restaurantName}`, {
    preview: "Thank you: your subscription is active again.",
    heading: "Your payment went through",
    paragraphs: [
      `Thank you: ${input.amount ? `we received ${formatMoney(input.amount)} and ` : ""}the subscription of ${input.restaurantName} is active again. Your menu stays online.`,
    ],
    details: [
      ...(input.amount ? [{ label: "Paid", value: formatMoney(input.amount) }] : []),
      ...(input.renewsAt ? [{ label: "Next renewal", value: formatDatePk(input.renewsAt) }] : []),
    ],
    action: { label: "See your billing", url: input.billingUrl },
  });
}
