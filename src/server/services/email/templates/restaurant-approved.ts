import { formatDateTimePk } from "./format";
import { renderEmail } from "./layout";

export type RestaurantApprovedInput = { restaurantName: string; trialEndsAt: Date; menuUrl: string; dashboardUrl: string };

/** To the owner: approved, and the free trial has started. */
export function restaurantApprovedEmail(input: RestaurantApprovedInput) {
  return renderEmail(`${input.restaurantName} is approved: your free trial has started`, {
    preview: `Your menu is live. The trial runs until ${formatDateTimePk(input.trialEndsAt)}.`,
    heading: `${input.restaurantName} is live`,
    paragraphs: [
      `Good news: ${input.restaurantName} was approved and its menu is now public at ${input.menuUrl}.`,
      `Your 7-day free trial has started. Subscribe before it ends to keep the menu online.`,
    ],
    details: [{ label: "Trial ends", value: formatDateTimePk(input.trialEndsAt) }],
    action: { label: "Open your dashboard", url: input.dashboardUrl },
  });
}
