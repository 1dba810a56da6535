import type { Metadata } from "next";
import Link from "next/link";
import { ChartColumn, CreditCard, QrCode, UtensilsCrossed } from "lucide-react";
import { billingPath } from "~/lib/billing-path";
import { canEditRestaurant } from "~/lib/review-state";
import { DeleteRestaurantSection } from "~/components/restaurants/delete-restaurant-section";
import { EditRestaurantForm } from "~/components/restaurants/edit-restaurant-form";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";
import { menuBaseUrl } from "~/components/restaurants/menu-base-url";
import { restaurantFormValues } from "~/components/restaurants/restaurant-form-values";
import { ReviewStatePanel } from "~/components/restaurants/review-state-panel";
import { BackLink } from "~/components/ui/back-link";
import { buttonClasses } from "~/components/ui/button-styles";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "Restaurant settings" };

export default async function RestaurantSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const restaurant = await loadOwnerRestaurant(id);
  return (
    <>
      <BackLink href="/dashboard">Your restaurants</BackLink>
      <PageHeader
        eyebrow="Restaurant settings"
        title={restaurant.name}
        description={<span className="font-mono">/m/{restaurant.slug}</span>}
        actions={
          <>
            <Link href={billingPath(restaurant.id)} className={buttonClasses("secondary")}>
              <CreditCard aria-hidden className="size-4" />
              Billing
            </Link>
            <Link href={`/dashboard/restaurants/${restaurant.id}/analytics`} className={buttonClasses("secondary")}>
              <ChartColumn aria-hidden className="size-4" />
              Analytics
            </Link>
            <Link href={`/dashboard/restaurants/${restaurant.id}/qr`} className={buttonClasses("secondary")}>
              <QrCode aria-hidden className="size-4" />
              QR codes
            </Link>
            <Link href={`/dashboard/restaurants/${restaurant.id}/menu`} className={buttonClasses("primary")}>
              <UtensilsCrossed aria-hidden className="size-4" />
              Edit menu
            </Link>
          </>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="lg:order-last lg:sticky lg:top-24">
          <ReviewStatePanel restaurant={restaurant} now={new Date()} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card className="p-5 sm:p-6">
            <section aria-labelledby="details-title">
              <h2 id="details-title" className="mb-5 text-base font-semibold text-stone-900">
                Details
              </h2>
              <EditRestaurantForm
                restaurantId={restaurant.id}
                initialValues={restaurantFormValues(restaurant)}
                menuBaseUrl={await menuBaseUrl()}
                readOnly={!canEditRestaurant(restaurant.reviewState)}
              />
            </section>
          </Card>
          {restaurant.reviewState === "SUSPENDED" ? null : <DeleteRestaurantSection restaurantId={restaurant.id} name={restaurant.name} />}
        </div>
      </div>
    </>
  );
}
