import type { SubscriptionStatus } from "~/generated/prisma/enums";

// Words for the billing page and the sandbox, shared by server and client so both render the same text.

export const SUBSCRIPTION_STATUS_LABEL: Record<SubscriptionStatus, string> = {
  ON_TRIAL: "On trial",
  ACTIVE: "Active",
  PAUSED: "Paused",
  PAST_DUE: "Past due",
  UNPAID: "Unpaid",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
};

/** Lemon Squeezy's own status words (the sandbox keeps them), for people. */
export const vendorStatusLabel = (status: string) => status.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());

// Owners are in Pakistan, like the emails' dates; a fixed zone also keeps the server's and the browser's text equal.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Karachi" });

/** "22 Nov 2026", in Pakistan time. */
export const formatBillingDate = (date: Date) => dateFormat.format(date);

/** "1 day", "7 days". */
export const daysLabel = (days: number) => `${days} ${days === 1 ? "day" : "days"}`;

/** Lemon Squeezy's card_brand ("visa", "american_express") as printed on the card. */
export function cardBrandLabel(brand: string | null): string {
  if (!brand) return "Card";
  const names: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", american_express: "American Express", amex: "American Express", discover: "Discover", jcb: "JCB" };
  return names[brand] ?? vendorStatusLabel(brand);
}
