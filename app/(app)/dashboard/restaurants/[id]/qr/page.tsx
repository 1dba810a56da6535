import type { Metadata } from "next";
import { canEditRestaurant } from "~/lib/review-state";
import { menuUrl } from "~/lib/menu-url";
import { RestaurantQrCard } from "~/components/qr/restaurant-qr-card";
import { TablesPanel } from "~/components/qr/tables-panel";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";
import { menuBaseUrl } from "~/components/restaurants/menu-base-url";
import { Alert } from "~/components/ui/alert";
import { BackLink } from "~/components/ui/back-link";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "QR codes" };

export default async function QrCodesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const restaurant = await loadOwnerRestaurant(id);
  const baseUrl = await menuBaseUrl();
  const qrRestaurant = { id: restaurant.id, name: restaurant.name, slug: restaurant.slug, readOnly: !canEditRestaurant(restaurant.reviewState) };
  return (
    <>
      <BackLink href={`/dashboard/restaurants/${restaurant.id}`}>Restaurant settings</BackLink>
      <PageHeader
        eyebrow="QR codes"
        title={restaurant.name}
        description="Print a code for each table: customers scan it and see your menu in 3D, and you see which tables use it."
      />
      {qrRestaurant.readOnly ? (
        <Alert title="Tables are locked" className="mb-6">
          An admin suspended this restaurant, so its tables cannot be changed. You can still download their codes.
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex flex-col gap-4 lg:sticky lg:top-24 lg:order-last">
          <RestaurantQrCard restaurant={qrRestaurant} menuBaseUrl={baseUrl} />
          <p className="text-sm text-stone-600">
            Every code opens <span className="font-mono break-all">{menuUrl(baseUrl, restaurant.slug)}</span>. If you change the
            restaurant&apos;s address in its settings, print the codes again.
          </p>
        </div>
        <TablesPanel restaurant={qrRestaurant} menuBaseUrl={baseUrl} />
      </div>
    </>
  );
}
