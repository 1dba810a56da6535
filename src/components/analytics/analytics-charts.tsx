"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { DayViews, TopProduct } from "~/server/services/analytics/menu-analytics";

// recharts is large: this module is loaded only by the analytics page, through lazy-analytics-charts.tsx.

// SVG attributes take colours, not Tailwind classes: these are the theme's brand-700 and sky-700.
const BRAND = "#c2410c";
const SKY = "#0369a1";
const GRID = "#e7e5e4";
const TICK = { fill: "#57534e", fontSize: 12 };

const shortDay = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const dayLabel = (format: Intl.DateTimeFormat) => (day: unknown) => (typeof day === "string" ? format.format(new Date(`${day}T00:00:00Z`)) : "");

export function ViewsPerDayChart({ days }: { days: DayViews[] }) {
  const total = days.reduce((sum, day) => sum + day.views, 0);
  const busiest = days.reduce<DayViews | null>((best, day) => (day.views > (best?.views ?? 0) ? day : best), null);
  const description = `Menu views per day: ${total} in ${days.length} days${busiest ? `, most on ${dayLabel(longDay)(busiest.day)} (${busiest.views})` : ""}.`;
  return (
    <BarChart responsive data={days} style={{ width: "100%", height: 280 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} title="Menu views per day" desc={description}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="day" tickFormatter={dayLabel(shortDay)} tick={TICK} tickLine={false} axisLine={{ stroke: GRID }} minTickGap={16} />
      <YAxis allowDecimals={false} tick={TICK} tickLine={false} axisLine={false} width={48} />
      <Tooltip labelFormatter={dayLabel(longDay)} formatter={(value) => [value, "Views"]} cursor={{ fill: "#fff7ed" }} />
      <Bar dataKey="views" name="Views" fill={BRAND} radius={[3, 3, 0, 0]} maxBarSize={32} isAnimationActive={false} />
    </BarChart>
  );
}

const shortName = (name: unknown) => {
  const text = typeof name === "string" ? name : "";
  return text.length > 22 ? `${text.slice(0, 21)}…` : text;
};

export function TopProductsChart({ products }: { products: TopProduct[] }) {
  const description = `Top dishes by 3D views and AR launches: ${products.map((product) => `${product.name} ${product.modelOpens} 3D, ${product.arLaunches} AR`).join("; ")}.`;
  return (
    <BarChart
      responsive
      layout="vertical"
      data={products}
      style={{ width: "100%", height: 56 + products.length * 40 }}
      margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
      title="Top dishes by 3D views and AR launches"
      desc={description}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" allowDecimals={false} tick={TICK} tickLine={false} axisLine={{ stroke: GRID }} />
      <YAxis type="category" dataKey="name" tickFormatter={shortName} tick={TICK} tickLine={false} axisLine={false} width={150} />
      <Tooltip cursor={{ fill: "#fff7ed" }} />
      <Legend verticalAlign="top" height={32} iconType="circle" />
      <Bar dataKey="modelOpens" name="3D views" stackId="opens" fill={BRAND} maxBarSize={24} isAnimationActive={false} />
      <Bar dataKey="arLaunches" name="AR launches" stackId="opens" fill={SKY} maxBarSize={24} radius={[0, 3, 3, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
