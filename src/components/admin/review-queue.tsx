import Link from "next/link";
import { Clock, Inbox, MapPin } from "lucide-react";
import { formatDateTimeUtc, timeAgo } from "~/lib/format-time";
import { EmptyState } from "~/components/ui/empty-state";
import { OwnerLine } from "~/components/admin/owner-line";

type QueueItem = {
  id: string;
  name: string;
  slug: string;
  city: string;
  submittedAt: Date | null;
  owner: { name: string | null; email: string };
};

export function ReviewQueue({ items, now }: { items: readonly QueueItem[]; now: Date }) {
  if (items.length === 0) {
    return (
      <EmptyState icon={Inbox} title="Nothing to review">
        Every submitted restaurant has been dealt with. New submissions appear here, oldest first.
      </EmptyState>
    );
  }
  return (
    <ol className="grid gap-3">
      {items.map((item, index) => (
        <li
          key={item.id}
          className="relative flex flex-col gap-2 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md sm:flex-row sm:items-center sm:gap-4 sm:p-5"
        >
          <span aria-hidden className="hidden size-8 shrink-0 place-items-center rounded-full bg-amber-50 text-sm font-bold text-amber-900 sm:grid">
            {index + 1}
          </span>
          <div className="min-w-0 flex-1">
            <Link
              href={`/admin/restaurants/${item.id}`}
              className="font-semibold break-words text-stone-900 outline-none after:absolute after:inset-0 after:rounded-2xl hover:text-brand-800"
            >
              {item.name}
            </Link>
            <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
              <OwnerLine owner={item.owner} />
              {item.city ? (
                <span className="inline-flex items-center gap-1">
                  <MapPin aria-hidden className="size-3.5" />
                  {item.city}
                </span>
              ) : null}
              <span className="font-mono">/m/{item.slug}</span>
            </p>
          </div>
          {item.submittedAt ? (
            <p className="inline-flex items-center gap-1.5 text-sm font-medium text-amber-900">
              <Clock aria-hidden className="size-4" />
              Submitted{" "}
              <time dateTime={item.submittedAt.toISOString()} title={formatDateTimeUtc(item.submittedAt)}>
                {timeAgo(item.submittedAt, now)}
              </time>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
