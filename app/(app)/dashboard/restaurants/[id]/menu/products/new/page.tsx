import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { api } from "~/trpc/server";
import { canEditRestaurant } from "~/lib/review-state";
import { MediaSaveFirstHint } from "~/components/menu/media/product-media-section";
import { ProductForm } from "~/components/menu/product-form";
import { emptyProductValues } from "~/components/menu/product-form-values";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";
import { BackLink } from "~/components/ui/back-link";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "New product" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ categoryId?: string | string[] }> };

export default async function NewProductPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { categoryId } = await searchParams;
  const restaurant = await loadOwnerRestaurant(id);
  const categories = await api.menu.categories.list({ restaurantId: restaurant.id });
  const menuHref = `/dashboard/restaurants/${restaurant.id}/menu`;
  // A product needs a category; the menu page is where the first one is added.
  const into = categories.find((category) => category.id === categoryId) ?? categories[0];
  if (!into) redirect(menuHref);
  return (
    <>
      <BackLink href={menuHref}>Menu</BackLink>
      <PageHeader eyebrow={restaurant.name} title="New product" />
      <Card className="max-w-3xl p-5 sm:p-8">
        <ProductForm
          restaurant={{ id: restaurant.id, currency: restaurant.currency, readOnly: !canEditRestaurant(restaurant.reviewState) }}
          categories={categories}
          initialValues={emptyProductValues(into.id)}
        />
      </Card>
      <Card className="mt-6 max-w-3xl p-5 sm:p-8">
        <MediaSaveFirstHint />
      </Card>
    </>
  );
}
