import type { Metadata } from "next";
import { api, HydrateClient } from "~/trpc/server";
import { restaurantListFilter } from "~/lib/admin-list-params";
import type { SearchParams } from "~/lib/search-params";
import { AdminRestaurantList, type AdminRestaurantFilter } from "~/components/admin/admin-restaurant-list";
import { RestaurantFilters } from "~/components/admin/restaurant-filters";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/components/auth/current-user";

export const metadata: Metadata = { title: "Restaurants" };

const PAGE_SIZE = 20;

export default async function AdminRestaurantsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("/admin/restaurants");
  const { state, search } = restaurantListFilter(await searchParams);
  const filter: AdminRestaurantFilter = { state, search, limit: PAGE_SIZE };
  // The first page is rendered on the server; "Load more" continues from it in the browser.
  await api.admin.restaurants.prefetchInfinite(filter);
  return (
    <HydrateClient>
      <PageHeader title="Restaurants" description="Every restaurant on Foodar, newest first." />
      <RestaurantFilters state={state} search={search} />
      <AdminRestaurantList filter={filter} />
    </HydrateClient>
  );
}
