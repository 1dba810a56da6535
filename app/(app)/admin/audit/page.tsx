import type { Metadata } from "next";
import { api, HydrateClient } from "~/trpc/server";
import { auditFilterFromParams } from "~/lib/audit-filter-params";
import type { SearchParams } from "~/lib/search-params";
import { AuditFilters } from "~/components/admin/audit-filters";
import { AuditLogList } from "~/components/admin/audit-log-list";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/components/auth/current-user";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 25;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("/admin/audit");
  const { values, errors, filter } = auditFilterFromParams(await searchParams, PAGE_SIZE);
  const actions = await api.admin.auditActions();
  if (filter) await api.admin.auditLog.prefetchInfinite(filter);
  return (
    <HydrateClient>
      <PageHeader title="Audit log" description="Every change to restaurants and users, who made it and why, newest first. Times are in UTC." />
      <AuditFilters values={values} errors={errors} actions={actions} />
      {filter ? (
        <AuditLogList filter={filter} />
      ) : (
        <Alert tone="error" title="These filters cannot be used">
          Correct the highlighted filters above and apply them again.
        </Alert>
      )}
    </HydrateClient>
  );
}
