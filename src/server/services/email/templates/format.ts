import { formatPrice } from "~/lib/money";

// The emails go to restaurants in Pakistan: dates in Pakistan's time zone (UTC+5, no daylight saving) and amounts
// as Pakistani readers write them (Rs 1,250.00, lakh grouping), whichever server renders them.
const TIME_ZONE = "Asia/Karachi";
const LOCALE = "en-PK";

const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: "numeric", minute: "2-digit" });

/** "29 November 2026" */
export function formatDatePk(date: Date): string {
  return dateFormat.format(date);
}

/** "29 November 2026 at 3:00 pm Pakistan time" */
export function formatDateTimePk(date: Date): string {
  return `${dateFormat.format(date)} at ${timeFormat.format(date)} Pakistan time`;
}

export type Money = { minor: number; currency: string };

/** "Rs 2,500.00" */
export function formatMoney(money: Money): string {
  return formatPrice(money.minor, money.currency, LOCALE);
}

/** "1 day", "3 days" */
export function days(count: number): string {
  return `${count} ${count === 1 ? "day" : "days"}`;
}
