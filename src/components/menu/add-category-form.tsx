"use client";

import { toast } from "sonner";
import { api } from "~/trpc/react";
import { CategoryNameForm } from "~/components/menu/category-name-form";

export function AddCategoryForm({ restaurantId }: { restaurantId: string }) {
  const utils = api.useUtils();
  const create = api.menu.categories.create.useMutation({
    onSuccess: async (category) => {
      toast.success(`${category.name} was added`);
      await utils.menu.categories.list.invalidate({ restaurantId });
    },
  });
  return (
    <CategoryNameForm
      inputId="new-category-name"
      initialName=""
      submitLabel="Add category"
      onSave={(name) => create.mutateAsync({ restaurantId, name })}
    />
  );
}
