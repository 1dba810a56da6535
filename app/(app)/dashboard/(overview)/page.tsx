import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Store } from "lucide-react";
import { api } from "~/trpc/server";
import { RestaurantCard } from "~/components/restaurants/restaurant-card";
import { buttonClasses } from "~/components/ui/button-styles";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const restaurants = await api.restaurants.list();
  const now = new Date();
  const newRestaurant = (
    <Link href="/dashboard/restaurants/new" className={buttonClasses("primary")}>
      <Plus aria-hidden className="size-4" />
      New restaurant
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Your restaurants"
        description="Each restaurant is reviewed before its menu goes live. Approval starts a 7-day free trial."
        actions={restaurants.length > 0 ? newRestaurant : undefined}
      />
      {restaurants.length > 0 ? (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {restaurants.map((restaurant) => (
            <li key={restaurant.id}>
              <RestaurantCard restaurant={restaurant} now={now} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState icon={Store} title="No restaurants yet" action={newRestaurant}>
          Register your first restaurant: give it a name and an address for its menu, then submit it for review.
        </EmptyState>
      )}
    </>
  );
}
