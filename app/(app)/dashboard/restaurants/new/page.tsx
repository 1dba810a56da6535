import type { Metadata } from "next";
import { CreateRestaurantForm } from "~/components/restaurants/create-restaurant-form";
import { menuBaseUrl } from "~/components/restaurants/menu-base-url";
import { BackLink } from "~/components/ui/back-link";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "New restaurant" };

export default async function NewRestaurantPage() {
  return (
    <>
      <BackLink href="/dashboard">Your restaurants</BackLink>
      <PageHeader
        title="Register a restaurant"
        description="Start with its name; everything can be changed later. It stays a draft, visible only to you, until you submit it for review."
      />
      <Card className="max-w-3xl p-5 sm:p-8">
        <CreateRestaurantForm menuBaseUrl={await menuBaseUrl()} />
      </Card>
    </>
  );
}
