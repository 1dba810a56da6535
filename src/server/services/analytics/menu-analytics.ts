import type { MenuEvent } from "~/generated/prisma/enums";
import { addDays, analyticsRangeProblem, ANALYTICS_TOP_PRODUCTS, resolveAnalyticsRange, utcDay } from "~/schemas/analytics";
import type { Db } from "~/server/db-client";
import { invalidInput } from "~/server/errors";

export type DayViews = { day: string; views: number };
export type EventTotals = Record<MenuEvent, number>;
export type TopProduct = { productId: string; name: string; modelOpens: number; arLaunches: number; productOpens: number };
/** TABLE: one of the restaurant's tables; DIRECT: opened without a table code; DELETED: a table removed since. */
export type TableViews = { tableCode: string; label: string; kind: "TABLE" | "DIRECT" | "DELETED"; views: number };

export type MenuAnalyticsSummary = {
  from: string;
  to: string;
  /** Every day of the range, oldest first, zero when nothing was counted. */
  viewsPerDay: DayViews[];
  totals: EventTotals;
  /** At most ANALYTICS_TOP_PRODUCTS products with a 3D open or an AR launch, most 3D and AR first. */
  topProducts: TopProduct[];
  /** The restaurant's tables (viewed or not), the direct link and deleted tables that were viewed, most viewed first. */
  viewsPerTable: TableViews[];
};

export const DIRECT_LINK_LABEL = "No table (direct link)";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The owner's analytics for a range of UTC days (the caller has checked that the restaurant is theirs). Five
 * queries whatever the range: totals and views per day and per table from the daily menu rows, the top products
 * from the product rows (joined to their names), and the restaurant's tables for their labels.
 */
export async function menuAnalyticsSummary(
  db: Db,
  restaurantId: string,
  input: { from?: string; to?: string },
  now: Date,
): Promise<MenuAnalyticsSummary> {
  const { from, to } = resolveAnalyticsRange(input, utcDay(now));
  const problem = analyticsRangeProblem(from, to);
  if (problem) throw invalidInput(problem.message, { [problem.field]: [problem.message] });

  const inRange = { restaurantId, day: { gte: asDate(from), lte: asDate(to) } };
  const [perDay, perEvent, perTable, tables, top] = await Promise.all([
    db.menuDailyStat.groupBy({ by: ["day"], where: { ...inRange, event: "MENU_VIEW" }, _sum: { count: true } }),
    db.menuDailyStat.groupBy({ by: ["event"], where: inRange, _sum: { count: true } }),
    db.menuDailyStat.groupBy({ by: ["tableCode"], where: { ...inRange, event: "MENU_VIEW" }, _sum: { count: true } }),
    db.restaurantTable.findMany({ where: { restaurantId }, select: { code: true, label: true, position: true } }),
    db.$queryRaw<{ productId: string; name: string; modelOpens: bigint; arLaunches: bigint; productOpens: bigint }[]>`
      SELECT s."productId", p."name",
        COALESCE(SUM(s."count") FILTER (WHERE s."event" = 'MODEL_OPEN'), 0) AS "modelOpens",
        COALESCE(SUM(s."count") FILTER (WHERE s."event" = 'AR_LAUNCH'), 0) AS "arLaunches",
        COALESCE(SUM(s."count") FILTER (WHERE s."event" = 'PRODUCT_OPEN'), 0) AS "productOpens"
      FROM "ProductDailyStat" s
      JOIN "Product" p ON p."id" = s."productId"
      WHERE s."restaurantId" = ${restaurantId}::uuid AND s."day" BETWEEN ${from}::date AND ${to}::date
      GROUP BY s."productId", p."name"
      HAVING SUM(s."count") FILTER (WHERE s."event" IN ('MODEL_OPEN', 'AR_LAUNCH')) > 0
      ORDER BY SUM(s."count") FILTER (WHERE s."event" IN ('MODEL_OPEN', 'AR_LAUNCH')) DESC, "arLaunches" DESC, p."name" ASC, s."productId" ASC
      LIMIT ${ANALYTICS_TOP_PRODUCTS}`,
  ]);

  const viewsByDay = new Map(perDay.map((row) => [utcDay(row.day), row._sum.count ?? 0]));
  const viewsPerDay: DayViews[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) viewsPerDay.push({ day, views: viewsByDay.get(day) ?? 0 });

  const totals: EventTotals = { MENU_VIEW: 0, PRODUCT_OPEN: 0, MODEL_OPEN: 0, AR_LAUNCH: 0 };
  for (const row of perEvent) totals[row.event] = row._sum.count ?? 0;

  const viewsByTable = new Map(perTable.map((row) => [row.tableCode, row._sum.count ?? 0]));
  const position = new Map(tables.map((table) => [table.code, table.position]));
  const viewsPerTable: TableViews[] = tables.map((table) => ({
    tableCode: table.code,
    label: table.label,
    kind: "TABLE",
    views: viewsByTable.get(table.code) ?? 0,
  }));
  for (const [tableCode, views] of viewsByTable) {
    if (position.has(tableCode)) continue;
    viewsPerTable.push(
      tableCode === "" ? { tableCode, label: DIRECT_LINK_LABEL, kind: "DIRECT", views } : { tableCode, label: tableCode, kind: "DELETED", views },
    );
  }
  // Most viewed first; ties keep the owner's table order, then the direct link, then deleted codes by name.
  const rank = (row: TableViews) => (row.kind === "TABLE" ? (position.get(row.tableCode) ?? 0) : row.kind === "DIRECT" ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER);
  viewsPerTable.sort((a, b) => b.views - a.views || rank(a) - rank(b) || a.tableCode.localeCompare(b.tableCode));

  return {
    from,
    to,
    viewsPerDay,
    totals,
    topProducts: top.map((row) => ({
      productId: row.productId,
      name: row.name,
      modelOpens: Number(row.modelOpens),
      arLaunches: Number(row.arLaunches),
      productOpens: Number(row.productOpens),
    })),
    viewsPerTable,
  };
}
