"use client";

import Link from "next/link";
import { Webhook } from "lucide-react";
import { api } from "~/trpc/react";
import type { WebhookEventStatusFilter } from "~/schemas/webhook-events";
import { formatDateTimeUtc } from "~/lib/format-time";
import { EmptyState } from "~/components/ui/empty-state";
import { LoadMore } from "~/components/ui/load-more";
import { ReprocessWebhookButton } from "~/components/admin/reprocess-webhook-button";
import { WebhookStatusBadge } from "~/components/admin/webhook-status-badge";

export type WebhookEventListFilter = { status?: WebhookEventStatusFilter; search?: string; limit: number };

/** The stored body: pretty JSON when it parsed, the raw text when it did not. */
function payloadText(event: { payload: unknown; rawBody: string | null }): string {
  return event.payload === null ? (event.rawBody ?? "") : JSON.stringify(event.payload, null, 2);
}

export function WebhookEventList({ filter }: { filter: WebhookEventListFilter }) {
  const query = api.admin.webhooks.list.useInfiniteQuery(filter, { getNextPageParam: (page) => page.nextCursor });
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isPending) return <p role="status">Loading webhook events…</p>;
  // A failed first page has nothing to show; a failed later page keeps the pages already shown.
  if (query.isError && !query.data) return <p role="alert" className="text-red-800">{query.error.message}</p>;
  if (events.length === 0) {
    return (
      <EmptyState icon={Webhook} title="No webhook events match">
        Try another status or a shorter event name.
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="grid gap-3">
        {events.map((event) => (
          <li key={event.id} className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:gap-4">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                <WebhookStatusBadge status={event.status} />
                <code className="font-semibold break-all text-stone-900">{event.eventName}</code>
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm text-stone-600 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-stone-800">Resource</dt>
                <dd className="break-all">{event.resourceType ? `${event.resourceType} ${event.resourceId ?? ""}` : "Unknown"}</dd>
                <dt className="font-medium text-stone-800">Restaurant</dt>
                <dd>
                  {event.restaurantId ? (
                    <Link
                      href={`/admin/restaurants/${event.restaurantId}`}
                      className="font-semibold text-brand-800 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-800"
                    >
                      {event.restaurantId.slice(0, 8)}
                    </Link>
                  ) : (
                    "None named"
                  )}
                </dd>
                <dt className="font-medium text-stone-800">Received</dt>
                <dd>
                  <time dateTime={event.receivedAt.toISOString()}>{formatDateTimeUtc(event.receivedAt)}</time>
                </dd>
                <dt className="font-medium text-stone-800">Attempts</dt>
                <dd>{event.attempts}</dd>
                {event.error ? (
                  <>
                    <dt className={event.status === "IGNORED" ? "font-medium text-stone-800" : "font-medium text-red-900"}>
                      {event.status === "IGNORED" ? "Note" : "Error"}
                    </dt>
                    <dd className={event.status === "IGNORED" ? "break-words" : "break-words text-red-900"}>{event.error}</dd>
                  </>
                ) : null}
              </dl>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-semibold text-brand-800">Payload</summary>
                <pre className="mt-2 max-h-96 overflow-auto rounded-xl bg-stone-950 p-3 text-xs text-stone-100">{payloadText(event)}</pre>
              </details>
            </div>
            {event.status === "FAILED" ? <ReprocessWebhookButton event={event} /> : null}
          </li>
        ))}
      </ul>
      <LoadMore
        shown={events.length}
        noun={events.length === 1 ? "event" : "events"}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? query.error.message : undefined}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </>
  );
}
