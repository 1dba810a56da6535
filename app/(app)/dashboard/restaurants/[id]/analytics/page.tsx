import type { Metadata } from "next";
import { ChartColumn } from "lucide-react";
import { utcDay } from "~/schemas/analytics";
import type { SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";
import { analyticsRangeFromParams } from "~/components/analytics/analytics-range-params";
import { DateRangeControl } from "~/components/analytics/date-range-control";
import { EventTotalsTiles } from "~/components/analytics/event-totals";
import { TopProductsChart, ViewsPerDayChart } from "~/components/analytics/lazy-analytics-charts";
import { ViewsPerTable } from "~/components/analytics/views-per-table";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";
import { BackLink } from "~/components/ui/back-link";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "Analytics" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const rangeLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const formatDay = (day: string) => rangeLabel.format(new Date(`${day}T00:00:00Z`));

export default async function AnalyticsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const restaurant = await loadOwnerRestaurant(id);
  const now = new Date();
  const choice = analyticsRangeFromParams(await searchParams, now);
  const basePath = `/dashboard/restaurants/${restaurant.id}/analytics`;
  // A bad custom range is shown on the inputs, not as an error page: the owner fixes it where it was typed.
  const summary = choice.errors ? null : await api.analytics.summary({ restaurantId: restaurant.id, from: choice.from, to: choice.to });
  const empty = summary !== null && Object.values(summary.totals).every((count) => count === 0);

  return (
    <>
      <BackLink href={`/dashboard/restaurants/${restaurant.id}`}>Restaurant settings</BackLink>
      <PageHeader
        eyebrow="Analytics"
        title={restaurant.name}
        description="How customers use your menu: views, dishes opened, 3D views and AR launches. Days are counted in UTC; no cookies and no personal data."
      />
      <DateRangeControl basePath={basePath} choice={choice} today={utcDay(now)} />
      {summary === null ? null : (
        <section aria-labelledby="range-title">
          <h2 id="range-title" className="sr-only">
            {formatDay(summary.from)} to {formatDay(summary.to)}
          </h2>
          <EventTotalsTiles totals={summary.totals} />
          {empty ? (
            <EmptyState icon={ChartColumn} title="No visits in this range">
              Counts appear here as soon as customers open your live menu, by its link or a table&apos;s QR code. Views by
              search engines and other bots are not counted.
            </EmptyState>
          ) : (
            <div className="grid gap-6 lg:grid-cols-2">
              <Card className="p-5 sm:p-6 lg:col-span-2">
                <h3 className="mb-4 text-base font-semibold text-stone-900">Menu views per day</h3>
                <ViewsPerDayChart days={summary.viewsPerDay} />
              </Card>
              <Card className="p-5 sm:p-6">
                <h3 className="mb-4 text-base font-semibold text-stone-900">Top dishes in 3D and AR</h3>
                {summary.topProducts.length > 0 ? (
                  <TopProductsChart products={summary.topProducts} />
                ) : (
                  <p className="text-sm text-stone-600">
                    No 3D views yet. Dishes with a 3D model show &ldquo;View in 3D&rdquo; and &ldquo;View on your table&rdquo; on the menu.
                  </p>
                )}
              </Card>
              <Card className="p-5 sm:p-6">
                <h3 className="mb-4 text-base font-semibold text-stone-900">Views per table</h3>
                <ViewsPerTable rows={summary.viewsPerTable} />
              </Card>
            </div>
          )}
        </section>
      )}
    </>
  );
}
