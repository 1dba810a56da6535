import Link from "next/link";
import { CalendarRange } from "lucide-react";
import { ANALYTICS_PRESET_DAYS } from "~/schemas/analytics";
import { buttonClasses } from "~/components/ui/button-styles";
import { Field, inputClasses } from "~/components/ui/field";
import type { AnalyticsRangeChoice } from "~/components/analytics/analytics-range-params";

type DateRangeControlProps = { basePath: string; choice: AnalyticsRangeChoice; today: string };

/**
 * Presets are links and the custom range a plain GET form, so the range lives in the URL (shareable, reloadable)
 * and works before any JavaScript has loaded.
 */
export function DateRangeControl({ basePath, choice, today }: DateRangeControlProps) {
  return (
    <div className="mb-6 flex flex-col gap-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm lg:flex-row lg:items-start lg:justify-between">
      <nav aria-label="Date range presets" className="lg:pt-7">
        <ul className="flex flex-wrap gap-2">
          {ANALYTICS_PRESET_DAYS.map((days) => {
            const current = choice.preset === days;
            return (
              <li key={days}>
                <Link
                  href={`${basePath}?days=${days}`}
                  aria-current={current ? "page" : undefined}
                  className={buttonClasses(current ? "primary" : "secondary", "sm")}
                >
                  Last {days} days
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form action={basePath} method="get" aria-label="Custom date range" className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field id="analytics-from" label="From" error={choice.errors?.from}>
          {(control) => (
            <input {...control} name="from" type="date" required max={today} defaultValue={choice.from} className={inputClasses(Boolean(choice.errors?.from))} />
          )}
        </Field>
        <Field id="analytics-to" label="To" error={choice.errors?.to}>
          {(control) => (
            <input {...control} name="to" type="date" required max={today} defaultValue={choice.to} className={inputClasses(Boolean(choice.errors?.to))} />
          )}
        </Field>
        <div className="sm:pt-7">
          <button type="submit" className={buttonClasses("secondary", "md", "w-full sm:w-auto")}>
            <CalendarRange aria-hidden className="size-4" />
            Show range
          </button>
        </div>
      </form>
    </div>
  );
}
