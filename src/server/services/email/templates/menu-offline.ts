import { renderEmail } from "./layout";

/** Why billing took the menu offline. */
export type MenuOfflineReason = "grace-period-ended" | "subscription-expired" | "subscription-paused" | "subscription-unpaid";

export type MenuOfflineInput = { restaurantName: string; reason: MenuOfflineReason; billingUrl: string };

const BECAUSE: Record<MenuOfflineReason, string> = {
  "grace-period-ended": "the payment for your subscription is still missing and its grace period has ended",
  "subscription-expired": "your subscription has ended",
  "subscription-paused": "your subscription is paused",
  "subscription-unpaid": "your subscription is unpaid after every payment retry",
};

const ACTION: Record<MenuOfflineReason, string> = {
  "grace-period-ended": "Update payment method",
  "subscription-expired": "Subscribe again",
  "subscription-paused": "Resume your subscription",
  "subscription-unpaid": "Update payment method",
};

/** To the owner: the public menu is offline for a billing reason. */
export function menuOfflineEmail(input: MenuOfflineInput) {
  return renderEmail(`The menu of ${input.restaurantName} is offline`, {
    preview: "Customers who scan your QR codes cannot see the menu until billing is sorted out.",
    heading: "Your menu is offline",
    paragraphs: [
      `The public menu of ${input.restaurantName} was taken offline because ${BECAUSE[input.reason]}. Customers who scan your QR codes now see that the menu is unavailable.`,
      "Your menu, photos and 3D models are kept. As soon as the subscription is active again, the menu is back online at the same address.",
    ],
    action: { label: ACTION[input.reason], url: input.billingUrl },
  });
}
