import type { Metadata } from "next";
import { env } from "~/env.js";
import { api } from "~/trpc/server";
import { canEditRestaurant } from "~/lib/review-state";
import { loadOwnerProduct } from "~/components/menu/load-owner-product";
import { ProductMediaSection } from "~/components/menu/media/product-media-section";
import { ProductModelSection } from "~/components/menu/model/product-model-section";
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
  // First on its own: a wrong product id must become the 404 page, not a failed media query.
  const product = await loadOwnerProduct(restaurant.id, productId);
  const [categories, media, model] = await Promise.all([
    api.menu.categories.list({ restaurantId: restaurant.id }),
    api.menu.media.list({ restaurantId: restaurant.id, productId: product.id }),
    api.menu.models.get({ restaurantId: restaurant.id, productId: product.id }),
  ]);
  const readOnly = !canEditRestaurant(restaurant.reviewState);
  return (
    <>
      <BackLink href={`/dashboard/restaurants/${restaurant.id}/menu`}>Menu</BackLink>
      <PageHeader eyebrow={restaurant.name} title={product.name} description={`In ${product.category.name}`} />
      <Card className="max-w-3xl p-5 sm:p-8">
        <ProductForm
          restaurant={{ id: restaurant.id, currency: restaurant.currency, readOnly }}
          categories={categories}
          initialValues={productFormValues(product, restaurant.currency)}
          productId={product.id}
        />
      </Card>
      <Card className="mt-6 max-w-3xl p-5 sm:p-8">
        <ProductMediaSection
          target={{ restaurantId: restaurant.id, productId: product.id, readOnly }}
          limits={{ imageBytes: env.MEDIA_MAX_IMAGE_BYTES, videoBytes: env.MEDIA_MAX_VIDEO_BYTES }}
          initialMedia={media}
        />
      </Card>
      <Card className="mt-6 max-w-3xl p-5 sm:p-8">
        <ProductModelSection
          target={{ restaurantId: restaurant.id, productId: product.id, readOnly }}
          productName={product.name}
          maxBytes={env.MODEL_MAX_BYTES}
          initialModel={model}
        />
      </Card>
    </>
  );
}
