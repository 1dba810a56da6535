"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FolderPlus, Plus, SearchX, UtensilsCrossed } from "lucide-react";
import { api } from "~/trpc/react";
import { useDebouncedValue } from "~/components/forms/use-debounced-value";
import { BulkActions } from "~/components/menu/bulk-actions";
import { DeleteProductDialog } from "~/components/menu/delete-product-dialog";
import type { MenuCategory, MenuProduct, MenuRestaurant } from "~/components/menu/menu-types";
import { NO_PRODUCT_FILTER, ProductFilters, type ProductFilter } from "~/components/menu/product-filters";
import { ProductGroups } from "~/components/menu/product-groups";
import { ProductListSkeleton } from "~/components/menu/product-list-skeleton";
import { useMoveProduct } from "~/components/menu/use-move-product";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { LoadMore } from "~/components/ui/load-more";

const PAGE_SIZE = 50;

type ProductsPanelProps = { restaurant: MenuRestaurant; categories: readonly MenuCategory[] };

export function ProductsPanel({ restaurant, categories }: ProductsPanelProps) {
  const router = useRouter();
  const [filter, setFilter] = useState<ProductFilter>(NO_PRODUCT_FILTER);
  const search = useDebouncedValue(filter.search.trim(), 300);
  // A category deleted while it was the filter stops filtering instead of showing an empty list.
  const categoryId = categories.some((category) => category.id === filter.categoryId) ? filter.categoryId : "";
  const query = api.menu.products.list.useInfiniteQuery(
    {
      restaurantId: restaurant.id,
      search: search || undefined,
      categoryId: categoryId || undefined,
      availability: filter.availability || undefined,
      dietaryTag: filter.dietaryTag || undefined,
      limit: PAGE_SIZE,
    },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectedIds = items.filter((item) => selected.has(item.id)).map((item) => item.id);
  const [deleting, setDeleting] = useState<MenuProduct | null>(null);
  const { move, movingId } = useMoveProduct(restaurant.id);
  const filtered = Boolean(search || categoryId || filter.availability || filter.dietaryTag);

  const addProduct = () => {
    const into = categoryId || categories[0]?.id;
    router.push(`/dashboard/restaurants/${restaurant.id}/menu/products/new${into ? `?categoryId=${into}` : ""}`);
  };
  const toggle = (productId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(productId);
      else next.delete(productId);
      return next;
    });

  return (
    <section aria-labelledby="products-title" className="flex min-w-0 flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="products-title" className="text-lg font-semibold text-stone-900">
          Products
        </h2>
        {restaurant.readOnly ? null : (
          <Button onClick={addProduct} disabled={categories.length === 0}>
            <Plus aria-hidden className="size-4" />
            Add product
          </Button>
        )}
      </div>
      {categories.length === 0 ? (
        <EmptyState icon={FolderPlus} title="Start with a category">
          Products live in categories. Add your first category, e.g. Starters, then add its dishes.
        </EmptyState>
      ) : (
        <>
          <ProductFilters filter={{ ...filter, categoryId }} categories={categories} onChange={setFilter} />
          {restaurant.readOnly || items.length === 0 ? null : (
            <BulkActions
              restaurantId={restaurant.id}
              selectedIds={selectedIds}
              allSelected={selectedIds.length === items.length}
              onSelectAll={(on) => setSelected(new Set(on ? items.map((item) => item.id) : []))}
              onDone={() => setSelected(new Set())}
            />
          )}
          {query.isPending ? (
            <ProductListSkeleton />
          ) : query.isError && !query.data ? (
            // A failed first page has nothing to show; a failed later page keeps the pages already shown.
            <p role="alert" className="text-red-800">
              {query.error.message}
            </p>
          ) : items.length === 0 ? (
            filtered ? (
              <EmptyState icon={SearchX} title="No products match">
                Try a shorter search or clear a filter.
              </EmptyState>
            ) : (
              <EmptyState icon={UtensilsCrossed} title="No products yet">
                {restaurant.readOnly ? "This menu has no products." : "Use Add product to put your first dish on the menu."}
              </EmptyState>
            )
          ) : (
            <>
              <ProductGroups
                restaurant={restaurant}
                items={items}
                categories={categories}
                // Without a name, availability or tag filter each category's products are all there, in order,
                // so the ends of a category are known; otherwise a move finds out from the server.
                knowsCategoryEnds={!search && !filter.availability && !filter.dietaryTag}
                hasNextPage={query.hasNextPage}
                selected={selected}
                onSelectedChange={toggle}
                movingId={movingId}
                onMove={(product, direction) => void move(product, direction)}
                onDelete={setDeleting}
              />
              <LoadMore
                shown={items.length}
                noun={items.length === 1 ? "product" : "products"}
                hasMore={query.hasNextPage}
                loading={query.isFetchingNextPage}
                error={query.isFetchNextPageError ? query.error.message : undefined}
                onLoadMore={() => void query.fetchNextPage()}
              />
            </>
          )}
        </>
      )}
      <DeleteProductDialog
        restaurantId={restaurant.id}
        product={deleting}
        onDeleted={(productId) => toggle(productId, false)}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
