import type { Metadata } from "next";
import Link from "next/link";
import { ChartColumn, QrCode } from "lucide-react";
import { canEditRestaurant } from "~/lib/review-state";
import { MenuEditor } from "~/components/menu/menu-editor";
import { SuspendedMenuAlert } from "~/components/menu/suspended-menu-alert";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";
import { BackLink } from "~/components/ui/back-link";
import { buttonClasses } from "~/components/ui/button-styles";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "Menu" };

export default async function MenuPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const restaurant = await loadOwnerRestaurant(id);
  const readOnly = !canEditRestaurant(restaurant.reviewState);
  return (
    <>
      <BackLink href={`/dashboard/restaurants/${restaurant.id}`}>Restaurant settings</BackLink>
      <PageHeader
        eyebrow="Menu"
        title={restaurant.name}
        description="Group your dishes into categories, set their prices and mark them sold out when the kitchen runs out."
        actions={
          <>
            <Link href={`/dashboard/restaurants/${restaurant.id}/qr`} className={buttonClasses("secondary")}>
              <QrCode aria-hidden className="size-4" />
              QR codes
            </Link>
            <Link href={`/dashboard/restaurants/${restaurant.id}/analytics`} className={buttonClasses("secondary")}>
              <ChartColumn aria-hidden className="size-4" />
              Analytics
            </Link>
          </>
        }
      />
      {readOnly ? <SuspendedMenuAlert /> : null}
      <MenuEditor restaurant={{ id: restaurant.id, currency: restaurant.currency, readOnly }} />
    </>
  );
}
