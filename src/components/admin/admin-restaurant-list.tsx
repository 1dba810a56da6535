"use client";

import Link from "next/link";
import { MapPin, Store } from "lucide-react";
import { api } from "~/trpc/react";
import { formatDateTimeUtc } from "~/lib/format-time";
import type { ReviewState } from "~/lib/review-state";
import { EmptyState } from "~/components/ui/empty-state";
import { LoadMore } from "~/components/ui/load-more";
import { OwnerLine } from "~/components/admin/owner-line";
import { ReviewStateBadge } from "~/components/restaurants/review-state-badge";

export type AdminRestaurantFilter = { state?: ReviewState; search?: string; limit: number };

export function AdminRestaurantList({ filter }: { filter: AdminRestaurantFilter }) {
  const query = api.admin.restaurants.useInfiniteQuery(filter, { getNextPageParam: (page) => page.nextCursor });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isPending) return <p role="status">Loading restaurants…</p>;
  // A failed first page has nothing to show; a failed later page keeps the pages already shown.
  if (query.isError && !query.data) return <p role="alert" className="text-red-800">{query.error.message}</p>;
  if (items.length === 0) {
    return (
      <EmptyState icon={Store} title="No restaurants match">
        Try another state or a shorter search.
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="grid gap-3">
        {items.map((restaurant) => (
          <li
            key={restaurant.id}
            className="relative flex flex-col gap-2 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md sm:flex-row sm:items-center sm:gap-4"
          >
            <div className="min-w-0 flex-1">
              <Link
                href={`/admin/restaurants/${restaurant.id}`}
                className="font-semibold break-words text-stone-900 outline-none after:absolute after:inset-0 after:rounded-2xl hover:text-brand-800"
              >
                {restaurant.name}
              </Link>
              <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
                <OwnerLine owner={restaurant.owner} />
                {restaurant.city ? (
                  <span className="inline-flex items-center gap-1">
                    <MapPin aria-hidden className="size-3.5" />
                    {restaurant.city}
                  </span>
                ) : null}
                <span>
                  Created <time dateTime={restaurant.createdAt.toISOString()}>{formatDateTimeUtc(restaurant.createdAt)}</time>
                </span>
              </p>
            </div>
            <ReviewStateBadge state={restaurant.reviewState} className="self-start sm:self-center" />
          </li>
        ))}
      </ul>
      <LoadMore
        shown={items.length}
        noun={items.length === 1 ? "restaurant" : "restaurants"}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? query.error.message : undefined}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </>
  );
}
