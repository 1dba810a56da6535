import type { Metadata } from "next";
import { api } from "~/trpc/server";
import { canEditRestaurant } from "~/lib/review-state";
import { loadOwnerProduct } from "~/components/menu/load-owner-product";
import { ProductForm } from "~/components/menu/product-form";
import { productFormValues } from "~/components/menu/product-form-values";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";
import { BackLink } from "~/components/ui/back-link";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "Edit product" };

type Props = { params: Promise<{ id: string; productId: string }> };

export default async function EditProductPage({ params }: Props) {
  const { id, productId } = await params;
  const restaurant = await loadOwnerRestaurant(id);
  const [product, categories] = await Promise.all([
    loadOwnerProduct(restaurant.id, productId),
    api.menu.categories.list({ restaurantId: restaurant.id }),
  ]);
  return (
    <>
      <BackLink href={`/dashboard/restaurants/${restaurant.id}/menu`}>Menu</BackLink>
      <PageHeader eyebrow={restaurant.name} title={product.name} description={`In ${product.category.name}`} />
      <Card className="max-w-3xl p-5 sm:p-8">
        <ProductForm
          restaurant={{ id: restaurant.id, currency: restaurant.currency, readOnly: !canEditRestaurant(restaurant.reviewState) }}
          categories={categories}
          initialValues={productFormValues(product, restaurant.currency)}
          productId={product.id}
        />
      </Card>
    </>
  );
}
