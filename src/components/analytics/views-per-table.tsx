import clsx from "clsx";
import type { TableViews } from "~/server/services/analytics/menu-analytics";

const number = new Intl.NumberFormat("en");
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });

/** A plain table: exact numbers, readable by screen readers, and no chart library needed for it. */
export function ViewsPerTable({ rows }: { rows: TableViews[] }) {
  const total = rows.reduce((sum, row) => sum + row.views, 0);
  if (rows.length === 0) {
    return <p className="text-sm text-stone-600">No views yet. Print table QR codes to see which tables use the menu most.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-stone-200 text-stone-600">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Table
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">
              Views
            </th>
            <th scope="col" className="hidden w-2/5 py-2 font-semibold sm:table-cell">
              <span className="sr-only">Share of views</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const share = total > 0 ? row.views / total : 0;
            return (
              <tr key={`${row.kind}:${row.tableCode}`} className="border-b border-stone-100 last:border-0">
                <th scope="row" className={clsx("py-2 pr-4 font-medium", row.kind === "TABLE" ? "text-stone-900" : "text-stone-600")}>
                  {row.kind === "DELETED" ? (
                    <>
                      <span className="font-mono">{row.label}</span> <span className="text-xs">(deleted table)</span>
                    </>
                  ) : (
                    row.label
                  )}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums text-stone-900">{number.format(row.views)}</td>
                <td className="hidden py-2 sm:table-cell">
                  <div className="flex items-center gap-2">
                    <div className="h-2 flex-1 rounded-full bg-stone-100">
                      <div className="h-2 rounded-full bg-brand-500" style={{ width: `${share * 100}%` }} />
                    </div>
                    <span className="w-10 text-right text-xs tabular-nums text-stone-600">{percent.format(share)}</span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
