import { formatDatePk } from "./format";
import { renderEmail } from "./layout";

export type SubscriptionCancelledInput = { restaurantName: string; liveUntil: Date; billingUrl: string };

/** To the owner: cancelled; the menu stays online until the period that was paid for ends. */
export function subscriptionCancelledEmail(input: SubscriptionCancelledInput) {
  return renderEmail(`Your Foodar subscription for ${input.restaurantName} is cancelled`, {
    preview: `Your menu stays online until ${formatDatePk(input.liveUntil)}.`,
    heading: "Your subscription is cancelled",
    paragraphs: [
      `The subscription of ${input.restaurantName} is cancelled and will not renew. You have paid until ${formatDatePk(input.liveUntil)}, and your menu stays online until then.`,
      "Changed your mind? Resume the subscription before that date and nothing changes for your customers.",
    ],
    details: [{ label: "Menu online until", value: formatDatePk(input.liveUntil) }],
    action: { label: "Resume your subscription", url: input.billingUrl },
  });
}
