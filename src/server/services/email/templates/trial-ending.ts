import { days, formatDateTimePk } from "./format";
import { renderEmail } from "./layout";

/** The reminders go out this many days before the trial ends. */
export type TrialReminderThreshold = 3 | 1;

export type TrialEndingInput = { restaurantName: string; threshold: TrialReminderThreshold; trialEndsAt: Date; billingUrl: string };

export const trialEndingTemplate = (threshold: TrialReminderThreshold) =>
  threshold === 1 ? "trial-ends-in-1-day" : "trial-ends-in-3-days";

/** To the owner: the trial ends in 3 days, or in 1. */
export function trialEndingEmail(input: TrialEndingInput) {
  const when = input.threshold === 1 ? "tomorrow" : `in ${days(input.threshold)}`;
  return renderEmail(`Your Foodar trial for ${input.restaurantName} ends ${when}`, {
    preview: `Subscribe to keep the menu of ${input.restaurantName} online after ${formatDateTimePk(input.trialEndsAt)}.`,
    heading: `Your trial ends ${when}`,
    paragraphs: [
      `The free trial of ${input.restaurantName} ends on ${formatDateTimePk(input.trialEndsAt)}.`,
      "Subscribe before then and your customers keep seeing your menu in 3D without a gap. Without a subscription the menu goes offline when the trial ends; everything you built is kept.",
    ],
    details: [{ label: "Trial ends", value: formatDateTimePk(input.trialEndsAt) }],
    action: { label: "Choose your plan", url: input.billingUrl },
  });
}
