import type { ReactNode } from "react";

export type Definition = { term: string; value: ReactNode };

/** Label/value pairs; an empty value says so instead of leaving a gap. */
export function DefinitionList({ items }: { items: readonly Definition[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="text-sm font-semibold text-stone-600">{item.term}</dt>
          <dd className="-mt-3 text-sm break-words whitespace-pre-line text-stone-900 sm:mt-0">
            {item.value === "" || item.value === null || item.value === undefined ? <span className="text-stone-500">Not set</span> : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
