import { History } from "lucide-react";
import { Card } from "~/components/ui/card";
import { AuditEntry, type AuditEntryData } from "~/components/admin/audit-entry";

export function RestaurantHistory({ entries }: { entries: readonly AuditEntryData[] }) {
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="flex items-center gap-2 text-base font-semibold text-stone-900">
          <History aria-hidden className="size-4" />
          History
        </h2>
        {entries.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600">Nothing has been recorded for this restaurant yet.</p>
        ) : (
          <ol className="mt-4 grid gap-4">
            {entries.map((entry) => (
              <li key={entry.id} className="border-l-2 border-stone-200 pl-4">
                <AuditEntry entry={entry} showTarget={false} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </Card>
  );
}
