"use client";

import Link from "next/link";
import clsx from "clsx";
import { UsersRound } from "lucide-react";
import { api } from "~/trpc/react";
import type { Role } from "~/lib/admin-list-params";
import { formatDateTimeUtc } from "~/lib/format-time";
import { EmptyState } from "~/components/ui/empty-state";
import { LoadMore } from "~/components/ui/load-more";

export type UserListFilter = { role?: Role; search?: string; limit: number };

export function UserList({ filter }: { filter: UserListFilter }) {
  const query = api.admin.users.useInfiniteQuery(filter, { getNextPageParam: (page) => page.nextCursor });
  const users = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isPending) return <p role="status">Loading users…</p>;
  // A failed first page has nothing to show; a failed later page keeps the pages already shown.
  if (query.isError && !query.data) return <p role="alert" className="text-red-800">{query.error.message}</p>;
  if (users.length === 0) {
    return (
      <EmptyState icon={UsersRound} title="No users match">
        Try another role or a shorter search.
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="grid gap-3">
        {users.map((user) => (
          <li key={user.id} className="flex flex-col gap-2 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:gap-4">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold break-words text-stone-900">{user.name ?? user.email}</span>
                <span
                  className={clsx(
                    "rounded-full px-2 py-0.5 text-xs font-semibold",
                    user.role === "ADMIN" ? "bg-stone-900 text-white" : "bg-stone-100 text-stone-800",
                  )}
                >
                  {user.role === "ADMIN" ? "Admin" : "Owner"}
                </span>
                {user.deletedAt ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-900">Deleted</span> : null}
              </p>
              <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
                {user.name ? <span className="break-all">{user.email}</span> : null}
                <span>Signs in with {user.authProvider === "CLERK" ? "Clerk" : "local sign-in"}</span>
                <span>
                  Joined <time dateTime={user.createdAt.toISOString()}>{formatDateTimeUtc(user.createdAt)}</time>
                </span>
              </p>
            </div>
            <div className="flex items-center gap-4 text-sm">
              <span className="font-medium text-stone-800">
                {user._count.restaurants} {user._count.restaurants === 1 ? "restaurant" : "restaurants"}
              </span>
              <Link
                href={`/admin/audit?actorId=${user.id}`}
                className="font-semibold text-brand-800 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-800"
              >
                Activity<span className="sr-only"> of {user.email}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore
        shown={users.length}
        noun={users.length === 1 ? "user" : "users"}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? query.error.message : undefined}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </>
  );
}
