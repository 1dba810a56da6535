"use client";

import { useState } from "react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { AddCategoryForm } from "~/components/menu/add-category-form";
import { CategoryRow } from "~/components/menu/category-row";
import { DeleteCategoryDialog } from "~/components/menu/delete-category-dialog";
import type { MenuCategory, MenuRestaurant } from "~/components/menu/menu-types";
import { Card } from "~/components/ui/card";

type CategoriesPanelProps = { restaurant: MenuRestaurant; categories: readonly MenuCategory[] };

export function CategoriesPanel({ restaurant, categories }: CategoriesPanelProps) {
  const utils = api.useUtils();
  const [deleting, setDeleting] = useState<MenuCategory | null>(null);
  const reorder = api.menu.categories.reorder.useMutation({
    onSuccess: async () => {
      toast.success("Category order saved");
      // Products are listed in category order, so both lists change.
      await utils.menu.invalidate();
    },
    onError: (error) => toast.error(error.message),
  });

  const move = (index: number, direction: -1 | 1) => {
    const ids = categories.map((category) => category.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + direction, 0, moved);
    reorder.mutate({ restaurantId: restaurant.id, categoryIds: ids });
  };

  return (
    <Card className="p-4 sm:p-5">
      <section aria-labelledby="categories-title" className="flex flex-col gap-4">
        <h2 id="categories-title" className="text-base font-semibold text-stone-900">
          Categories
        </h2>
        {categories.length === 0 ? (
          <p className="text-sm text-stone-700">No categories yet — add your first, e.g. Starters.</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {categories.map((category, index) => (
              <CategoryRow
                key={category.id}
                restaurantId={restaurant.id}
                category={category}
                readOnly={restaurant.readOnly}
                isFirst={index === 0}
                isLast={index === categories.length - 1}
                reordering={reorder.isPending}
                onMove={(direction) => move(index, direction)}
                onDelete={() => setDeleting(category)}
              />
            ))}
          </ol>
        )}
        {restaurant.readOnly ? null : <AddCategoryForm restaurantId={restaurant.id} />}
      </section>
      <DeleteCategoryDialog
        restaurantId={restaurant.id}
        category={deleting}
        categories={categories}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}
