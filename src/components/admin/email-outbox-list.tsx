"use client";

import Link from "next/link";
import { Mail } from "lucide-react";
import { api } from "~/trpc/react";
import type { EmailStatusFilter } from "~/schemas/emails";
import { formatDateTimeUtc } from "~/lib/format-time";
import { EmptyState } from "~/components/ui/empty-state";
import { LoadMore } from "~/components/ui/load-more";
import { EmailStatusBadge } from "~/components/admin/email-status-badge";
import { ResendEmailButton } from "~/components/admin/resend-email-button";

export type EmailListFilter = { status?: EmailStatusFilter; search?: string; limit: number };

export function EmailOutboxList({ filter }: { filter: EmailListFilter }) {
  const query = api.admin.emails.list.useInfiniteQuery(filter, { getNextPageParam: (page) => page.nextCursor });
  const emails = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isPending) return <p role="status">Loading emails…</p>;
  // A failed first page has nothing to show; a failed later page keeps the pages already shown.
  if (query.isError && !query.data) return <p role="alert" className="text-red-800">{query.error.message}</p>;
  if (emails.length === 0) {
    return (
      <EmptyState icon={Mail} title="No emails match">
        Try another status or a shorter address.
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="grid gap-3">
        {emails.map((email) => (
          <li key={email.id} className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:gap-4">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                <EmailStatusBadge status={email.status} />
                <span className="font-semibold break-words text-stone-900">{email.subject}</span>
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm text-stone-600 sm:grid-cols-[auto_1fr]">
                <dt className="font-medium text-stone-800">To</dt>
                <dd className="break-all">{email.to}</dd>
                <dt className="font-medium text-stone-800">Template</dt>
                <dd>
                  <code className="text-xs">{email.template}</code>
                  {email.restaurant ? (
                    <>
                      {" · "}
                      <Link
                        href={`/admin/restaurants/${email.restaurant.id}`}
                        className="font-semibold text-brand-800 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-800"
                      >
                        {email.restaurant.name}
                      </Link>
                    </>
                  ) : null}
                </dd>
                <dt className="font-medium text-stone-800">Created</dt>
                <dd>
                  <time dateTime={email.createdAt.toISOString()}>{formatDateTimeUtc(email.createdAt)}</time>
                </dd>
                <dt className="font-medium text-stone-800">Sent</dt>
                <dd>{email.sentAt ? <time dateTime={email.sentAt.toISOString()}>{formatDateTimeUtc(email.sentAt)}</time> : "Not yet"}</dd>
                <dt className="font-medium text-stone-800">Attempts</dt>
                <dd>{email.attempts}</dd>
                {email.lastError ? (
                  <>
                    <dt className="font-medium text-red-900">Last error</dt>
                    <dd className="break-words text-red-900">{email.lastError}</dd>
                  </>
                ) : null}
              </dl>
            </div>
            <ResendEmailButton email={email} />
          </li>
        ))}
      </ul>
      <LoadMore
        shown={emails.length}
        noun={emails.length === 1 ? "email" : "emails"}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? query.error.message : undefined}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </>
  );
}
