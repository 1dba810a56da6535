import { renderEmail } from "./layout";

export type RestaurantRejectedInput = { restaurantName: string; reason: string; dashboardUrl: string };

/** To the owner: not approved, with the admin's reason. */
export function restaurantRejectedEmail(input: RestaurantRejectedInput) {
  return renderEmail(`${input.restaurantName} needs changes before it can go live`, {
    preview: `Our review found something to change: ${input.reason}`,
    heading: `${input.restaurantName} was not approved yet`,
    paragraphs: [
      "We reviewed your restaurant and it needs a change before its menu can go live. The reviewer wrote:",
      input.reason,
      "Edit the restaurant in your dashboard and submit it again; we will review it once more.",
    ],
    action: { label: "Edit and resubmit", url: input.dashboardUrl },
  });
}
