"use client";

import { useState } from "react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { DialogActions } from "~/components/menu/dialog-actions";
import { ModalDialog } from "~/components/ui/modal-dialog";
import type { MenuCategory } from "~/components/menu/menu-types";
import { selectClasses } from "~/components/ui/select-classes";

type DeleteCategoryDialogProps = {
  restaurantId: string;
  /** The category to delete; null keeps the dialog closed. */
  category: MenuCategory | null;
  categories: readonly MenuCategory[];
  onClose: () => void;
};

export function DeleteCategoryDialog({ restaurantId, category, categories, onClose }: DeleteCategoryDialogProps) {
  const utils = api.useUtils();
  const remove = api.menu.categories.delete.useMutation({
    onSuccess: async (result, input) => {
      const target = input.products?.action === "move" ? input.products.toCategoryId : undefined;
      const moved = categories.find((other) => other.id === target);
      toast.success(`${category?.name ?? "The category"} was deleted`, {
        description: moved
          ? `Its products are now in ${moved.name}.`
          : result.deletedProducts > 0
            ? `${result.deletedProducts} ${result.deletedProducts === 1 ? "product was" : "products were"} deleted with it.`
            : undefined,
      });
      await utils.menu.invalidate();
      onClose();
    },
    onError: (error) => {
      if (!error.data?.fieldErrors?.products && !error.data?.fieldErrors?.toCategoryId) toast.error(error.message);
    },
  });
  const count = category?._count.products ?? 0;
  return (
    <ModalDialog
      open={category !== null}
      title={`Delete ${category?.name ?? "category"}?`}
      description={
        count > 0
          ? `It has ${count} ${count === 1 ? "product" : "products"}. Choose what happens to ${count === 1 ? "it" : "them"}.`
          : "It has no products. This cannot be undone."
      }
      pending={remove.isPending}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    >
      {category ? (
        <DeleteCategoryForm
          category={category}
          others={categories.filter((other) => other.id !== category.id)}
          pending={remove.isPending}
          serverError={remove.error?.data?.fieldErrors?.products?.[0] ?? remove.error?.data?.fieldErrors?.toCategoryId?.[0]}
          onCancel={onClose}
          onConfirm={(products) => remove.mutate({ restaurantId, categoryId: category.id, products })}
        />
      ) : null}
    </ModalDialog>
  );
}

type ProductsChoice = { action: "move"; toCategoryId: string } | { action: "delete" };

type DeleteCategoryFormProps = {
  category: MenuCategory;
  others: readonly MenuCategory[];
  pending: boolean;
  serverError?: string;
  onCancel: () => void;
  onConfirm: (products: ProductsChoice | undefined) => void;
};

function DeleteCategoryForm({ category, others, pending, serverError, onCancel, onConfirm }: DeleteCategoryFormProps) {
  const [action, setAction] = useState<ProductsChoice["action"] | null>(null);
  const [toCategoryId, setToCategoryId] = useState(others[0]?.id ?? "");
  const [missingChoice, setMissingChoice] = useState(false);
  const hasProducts = category._count.products > 0;
  const error = missingChoice ? "Choose what happens to the products" : serverError;
  const errorId = `delete-category-${category.id}-error`;

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (!hasProducts) return onConfirm(undefined);
        if (action === null) return setMissingChoice(true);
        onConfirm(action === "move" ? { action, toCategoryId } : { action });
      }}
    >
      {hasProducts ? (
        <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-semibold text-stone-800">What happens to its products?</legend>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <label className="inline-flex items-center gap-2 text-sm text-stone-800">
              <input
                type="radio"
                name="products"
                value="move"
                checked={action === "move"}
                disabled={others.length === 0}
                onChange={() => {
                  setAction("move");
                  setMissingChoice(false);
                }}
                className="size-4 accent-brand-700"
              />
              Move them to
            </label>
            {/* Choosing a category is choosing to move: a deliberate pick of the target also picks the option. */}
            <div className="min-w-40 flex-1">
              <select
                aria-label="Category to move them to"
                value={toCategoryId}
                disabled={others.length === 0}
                onChange={(event) => {
                  setToCategoryId(event.target.value);
                  setAction("move");
                  setMissingChoice(false);
                }}
                className={selectClasses()}
              >
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {others.length === 0 ? <p className="text-sm text-stone-600">There is no other category to move them to.</p> : null}
          <label className="inline-flex items-center gap-2 text-sm text-stone-800">
            <input
              type="radio"
              name="products"
              value="delete"
              checked={action === "delete"}
              onChange={() => {
                setAction("delete");
                setMissingChoice(false);
              }}
              className="size-4 accent-brand-700"
            />
            Delete them too
          </label>
          {error ? (
            <p id={errorId} role="alert" className="text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <DialogActions pending={pending} onCancel={onCancel} />
    </form>
  );
}
