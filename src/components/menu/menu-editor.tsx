"use client";

import { api } from "~/trpc/react";
import { CategoriesPanel } from "~/components/menu/categories-panel";
import type { MenuRestaurant } from "~/components/menu/menu-types";
import { ProductsPanel } from "~/components/menu/products-panel";
import { ProductListSkeleton } from "~/components/menu/product-list-skeleton";
import { Skeleton } from "~/components/ui/skeleton";

/** Categories beside products on a desktop, above them on a phone; both read the same category list. */
export function MenuEditor({ restaurant }: { restaurant: MenuRestaurant }) {
  const categories = api.menu.categories.list.useQuery({ restaurantId: restaurant.id });
  if (categories.isPending) {
    return (
      <div className="grid items-start gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Skeleton className="h-64 rounded-2xl" />
        <ProductListSkeleton />
      </div>
    );
  }
  if (categories.isError) {
    return (
      <p role="alert" className="text-red-800">
        {categories.error.message}
      </p>
    );
  }
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
      <div className="lg:sticky lg:top-24">
        <CategoriesPanel restaurant={restaurant} categories={categories.data} />
      </div>
      <ProductsPanel restaurant={restaurant} categories={categories.data} />
    </div>
  );
}
