import type { Metadata } from "next";
import { api, HydrateClient } from "~/trpc/server";
import { userListFilter } from "~/lib/admin-list-params";
import type { SearchParams } from "~/lib/search-params";
import { UserFilters } from "~/components/admin/user-filters";
import { UserList, type UserListFilter } from "~/components/admin/user-list";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/components/auth/current-user";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 25;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("/admin/users");
  const { role, search } = userListFilter(await searchParams);
  const filter: UserListFilter = { role, search, limit: PAGE_SIZE };
  await api.admin.users.prefetchInfinite(filter);
  return (
    <HydrateClient>
      <PageHeader title="Users" description="Everyone who has signed in, newest first." />
      <UserFilters role={role} search={search} />
      <UserList filter={filter} />
    </HydrateClient>
  );
}
