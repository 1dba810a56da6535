import type { Metadata } from "next";
import { api, HydrateClient } from "~/trpc/server";
import { webhookEventListFilter } from "~/lib/webhook-event-list-params";
import type { SearchParams } from "~/lib/search-params";
import { WebhookEventFilters } from "~/components/admin/webhook-event-filters";
import { WebhookEventList, type WebhookEventListFilter } from "~/components/admin/webhook-event-list";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/components/auth/current-user";

export const metadata: Metadata = { title: "Webhooks" };

const PAGE_SIZE = 25;

export default async function AdminWebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("/admin/webhooks");
  const { status, search } = webhookEventListFilter(await searchParams);
  const filter: WebhookEventListFilter = { status, search, limit: PAGE_SIZE };
  await api.admin.webhooks.list.prefetchInfinite(filter);
  return (
    <HydrateClient>
      <PageHeader
        title="Webhooks"
        description="Every delivery from Lemon Squeezy (or the sandbox checkout), newest first: whether it was applied, why not, and what it carried. A failed one can be re-processed once its cause is fixed. Times are in UTC."
      />
      <WebhookEventFilters status={status} search={search} />
      <WebhookEventList filter={filter} />
    </HydrateClient>
  );
}
