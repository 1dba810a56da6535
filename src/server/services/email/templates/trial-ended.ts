import { formatDateTimePk } from "./format";
import { renderEmail } from "./layout";

export type TrialEndedInput = { restaurantName: string; trialEndedAt: Date; billingUrl: string };

/** To the owner: the trial is over and, without a subscription, the menu is offline. */
export function trialEndedEmail(input: TrialEndedInput) {
  return renderEmail(`Your Foodar trial for ${input.restaurantName} has ended`, {
    preview: "Subscribe to put your menu back online; nothing you built is lost.",
    heading: "Your free trial has ended",
    paragraphs: [
      `The free trial of ${input.restaurantName} ended on ${formatDateTimePk(input.trialEndedAt)}, so its menu is offline for now.`,
      "Your menu, photos and 3D models are kept. Subscribe and the menu is back online at once, at the same address and with the same QR codes.",
    ],
    action: { label: "Subscribe", url: input.billingUrl },
  });
}
