import { z } from "zod";

// Analytics ranges are whole UTC days written YYYY-MM-DD, both ends included: the stats tables count per UTC day.

export const ANALYTICS_MAX_DAYS = 366;
export const ANALYTICS_DEFAULT_DAYS = 30;
export const ANALYTICS_PRESET_DAYS = [7, 30, 90] as const;
export const ANALYTICS_TOP_PRODUCTS = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds of a YYYY-MM-DD day at UTC midnight, or NaN when it is not a real calendar day (2026-02-30). */
export function dayToTime(day: string): number {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? Number.NaN : time;
}

export function addDays(day: string, days: number): string {
  return new Date(dayToTime(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((dayToTime(to) - dayToTime(from)) / DAY_MS) + 1;
}

export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

const daySchema = z
  .string({ error: "Choose a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date like 2026-05-31", abort: true })
  .refine((day) => !Number.isNaN(dayToTime(day)), "This date does not exist");

export type AnalyticsRangeProblem = { field: "from" | "to"; message: string };

/** What is wrong with a range, in the words the date inputs show; null when it is fine. */
export function analyticsRangeProblem(from: string, to: string): AnalyticsRangeProblem | null {
  if (from > to) return { field: "to", message: "The end date must be on or after the start date" };
  if (daysInRange(from, to) > ANALYTICS_MAX_DAYS) return { field: "from", message: `Choose at most ${ANALYTICS_MAX_DAYS} days` };
  return null;
}

/** Both ends are optional: without `to` the range ends today, without `from` it covers the 30 days up to `to`. */
export const analyticsSummarySchema = z
  .strictObject({ restaurantId: z.uuid("Unknown restaurant"), from: daySchema.optional(), to: daySchema.optional() })
  .superRefine((input, ctx) => {
    if (!input.from || !input.to || Number.isNaN(dayToTime(input.from)) || Number.isNaN(dayToTime(input.to))) return;
    const problem = analyticsRangeProblem(input.from, input.to);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });
export type AnalyticsSummaryInput = z.infer<typeof analyticsSummarySchema>;

/** Fills in the missing ends of a range relative to `today` (a UTC day). The result may still be a bad range. */
export function resolveAnalyticsRange(input: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = input.to ?? (input.from && input.from > today ? input.from : today);
  return { from: input.from ?? addDays(to, -(ANALYTICS_DEFAULT_DAYS - 1)), to };
}
