import {
  ANALYTICS_DEFAULT_DAYS,
  ANALYTICS_PRESET_DAYS,
  addDays,
  analyticsRangeProblem,
  dayToTime,
  resolveAnalyticsRange,
  utcDay,
} from "~/schemas/analytics";
import { firstParam, type SearchParams } from "~/lib/search-params";

export type AnalyticsPreset = (typeof ANALYTICS_PRESET_DAYS)[number];

export type AnalyticsRangeChoice = {
  /** What the date inputs show: the range asked for, or the preset's days. */
  from: string;
  to: string;
  /** The preset in use; null for a custom range. */
  preset: AnalyticsPreset | null;
  /** Set when the custom range cannot be shown; the page then shows these next to the inputs instead of data. */
  errors: { from?: string; to?: string } | null;
};

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

function dayProblem(day: string | undefined): string | undefined {
  if (day === undefined) return undefined;
  if (!DATE_FORMAT.test(day)) return "Use a date like 2026-05-31";
  return Number.isNaN(dayToTime(day)) ? "This date does not exist" : undefined;
}

/**
 * The range in the URL: `?from=&to=` (a custom range, either end optional) wins over `?days=` (7, 30 or 90 days up
 * to today, UTC). Without either, the last 30 days; an unknown `days` is treated as absent, like the admin filters.
 */
export function analyticsRangeFromParams(params: SearchParams, now: Date): AnalyticsRangeChoice {
  const today = utcDay(now);
  const from = firstParam(params, "from");
  const to = firstParam(params, "to");
  if (from === undefined && to === undefined) {
    const days = Number(firstParam(params, "days"));
    const preset: AnalyticsPreset = ANALYTICS_PRESET_DAYS.find((candidate) => candidate === days) ?? ANALYTICS_DEFAULT_DAYS;
    return { from: addDays(today, -(preset - 1)), to: today, preset, errors: null };
  }
  const fromProblem = dayProblem(from);
  const toProblem = dayProblem(to);
  if (fromProblem || toProblem) {
    return { from: from ?? "", to: to ?? "", preset: null, errors: { ...(fromProblem ? { from: fromProblem } : {}), ...(toProblem ? { to: toProblem } : {}) } };
  }
  const range = resolveAnalyticsRange({ from, to }, today);
  const problem = analyticsRangeProblem(range.from, range.to);
  return { ...range, preset: null, errors: problem ? { [problem.field]: problem.message } : null };
}
