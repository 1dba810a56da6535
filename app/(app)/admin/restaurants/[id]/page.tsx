import type { Metadata } from "next";
import { loadAdminRestaurant } from "~/components/admin/load-admin-restaurant";
import { RestaurantDetailsCard } from "~/components/admin/restaurant-details-card";
import { RestaurantHistory } from "~/components/admin/restaurant-history";
import { RestaurantReviewCard } from "~/components/admin/restaurant-review-card";
import { BackLink } from "~/components/ui/back-link";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/components/auth/current-user";

export const metadata: Metadata = { title: "Restaurant review" };

export default async function AdminRestaurantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/restaurants/${encodeURIComponent(id)}`);
  const { restaurant, history } = await loadAdminRestaurant(id);
  return (
    <>
      <BackLink href="/admin/restaurants">All restaurants</BackLink>
      <PageHeader eyebrow="Restaurant" title={restaurant.name} description={<span className="font-mono">/m/{restaurant.slug}</span>} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="lg:order-last">
          <RestaurantReviewCard restaurant={restaurant} now={new Date()} />
        </div>
        <div className="grid gap-6">
          <RestaurantDetailsCard restaurant={restaurant} />
          <RestaurantHistory entries={history} />
        </div>
      </div>
    </>
  );
}
