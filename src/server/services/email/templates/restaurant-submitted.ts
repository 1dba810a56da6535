import { renderEmail } from "./layout";

export type RestaurantSubmittedInput = {
  restaurantName: string;
  city: string;
  ownerEmail: string;
  ownerName: string | null;
  resubmitted: boolean;
  reviewUrl: string;
};

/** To admins: a restaurant waits for review. */
export function restaurantSubmittedEmail(input: RestaurantSubmittedInput) {
  const owner = input.ownerName ? `${input.ownerName} (${input.ownerEmail})` : input.ownerEmail;
  const what = input.resubmitted ? "was changed and submitted again" : "was submitted";
  return renderEmail(`Review ${input.restaurantName}`, {
    preview: `${input.restaurantName} ${what} and waits for review.`,
    heading: `${input.restaurantName} waits for review`,
    paragraphs: [
      `${input.restaurantName} ${what} by ${owner}.`,
      "Approve it to start its 7-day trial, or reject it with a reason the owner can act on.",
    ],
    details: [
      { label: "Restaurant", value: input.restaurantName },
      ...(input.city ? [{ label: "City", value: input.city }] : []),
      { label: "Owner", value: owner },
    ],
    action: { label: "Review the restaurant", url: input.reviewUrl },
    footnote: "You receive this because you are a Foodar admin.",
  });
}
