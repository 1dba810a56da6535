"use client";

import { ScrollText } from "lucide-react";
import { api } from "~/trpc/react";
import type { AuditFilter } from "~/lib/audit-filter-params";
import { EmptyState } from "~/components/ui/empty-state";
import { LoadMore } from "~/components/ui/load-more";
import { AuditEntry } from "~/components/admin/audit-entry";

export function AuditLogList({ filter }: { filter: AuditFilter }) {
  const query = api.admin.auditLog.useInfiniteQuery(filter, { getNextPageParam: (page) => page.nextCursor });
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isPending) return <p role="status">Loading the audit log…</p>;
  // A failed first page has nothing to show; a failed later page keeps the pages already shown.
  if (query.isError && !query.data) return <p role="alert" className="text-red-800">{query.error.message}</p>;
  if (entries.length === 0) {
    return (
      <EmptyState icon={ScrollText} title="No entries match">
        Widen the date range or clear a filter.
      </EmptyState>
    );
  }
  return (
    <>
      <ol className="grid gap-3">
        {entries.map((entry) => (
          <li key={entry.id} className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
            <AuditEntry entry={entry} />
          </li>
        ))}
      </ol>
      <LoadMore
        shown={entries.length}
        noun={entries.length === 1 ? "entry" : "entries"}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? query.error.message : undefined}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </>
  );
}
