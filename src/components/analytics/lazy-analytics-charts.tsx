"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "~/components/ui/skeleton";

// recharts (a few hundred KB) is fetched only when the analytics page shows a chart, and only in the browser:
// its charts measure their container, which the server cannot. The placeholder keeps the layout from jumping.

export const ViewsPerDayChart = dynamic(() => import("~/components/analytics/analytics-charts").then((module) => module.ViewsPerDayChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[280px] w-full" />,
});

export const TopProductsChart = dynamic(() => import("~/components/analytics/analytics-charts").then((module) => module.TopProductsChart), {
  ssr: false,
  loading: () => <Skeleton className="h-48 w-full" />,
});
