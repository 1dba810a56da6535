import type { Metadata } from "next";
import { BillingPanel } from "~/components/billing/billing-panel";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";
import { BackLink } from "~/components/ui/back-link";
import { PageHeader } from "~/components/ui/page-header";
import { firstParam, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Billing" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function BillingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const restaurant = await loadOwnerRestaurant(id);
  const overview = await api.billing.overview({ restaurantId: restaurant.id });
  // The checkout sends the owner back here with ?checkout=done, possibly before its webhook has arrived.
  const returnedFromCheckout = firstParam(await searchParams, "checkout") === "done";
  return (
    <>
      <BackLink href={`/dashboard/restaurants/${restaurant.id}`}>Restaurant settings</BackLink>
      <PageHeader
        eyebrow="Billing"
        title={restaurant.name}
        description="Your plan, what the next invoice will be and the invoices so far. Payments are handled by Lemon Squeezy."
      />
      <BillingPanel restaurantId={restaurant.id} initialOverview={overview} returnedFromCheckout={returnedFromCheckout} />
    </>
  );
}
