"use client";

import { useState } from "react";
import { FolderInput } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import type { MenuCategory, MenuProduct } from "~/components/menu/menu-types";
import { Button } from "~/components/ui/button";
import { selectClasses } from "~/components/ui/select-classes";

type MoveToCategoryProps = { restaurantId: string; product: MenuProduct; categories: readonly MenuCategory[]; describedBy: string };

// Closed by default: a select in every row would repeat every category name in every row (and in its text).
// A select and a button rather than moving on change: arrowing through the options with a keyboard would
// otherwise move the product at every step.
export function MoveToCategory({ restaurantId, product, categories, describedBy }: MoveToCategoryProps) {
  const utils = api.useUtils();
  const others = categories.filter((category) => category.id !== product.category.id);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState("");
  const move = api.menu.products.move.useMutation({
    onSuccess: async () => {
      const name = others.find((category) => category.id === target)?.name ?? "the other category";
      toast.success(`${product.name} moved to ${name}`);
      await utils.menu.invalidate();
    },
    onError: (error) => toast.error(error.message),
  });
  if (others.length === 0) return null;
  if (!open) {
    return (
      <Button variant="ghost" size="sm" aria-describedby={describedBy} onClick={() => setOpen(true)} className="min-h-10">
        <FolderInput aria-hidden className="size-4" />
        Move to category
      </Button>
    );
  }
  const selectId = `move-${product.id}`;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        Move to category
      </label>
      <select
        id={selectId}
        aria-describedby={describedBy}
        value={target}
        autoFocus
        onChange={(event) => setTarget(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        className={selectClasses()}
      >
        <option value="">Choose…</option>
        {others.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
      <Button
        variant="secondary"
        size="sm"
        disabled={target === ""}
        pending={move.isPending}
        aria-describedby={describedBy}
        onClick={() => move.mutate({ restaurantId, productId: product.id, toCategoryId: target })}
      >
        Move
      </Button>
      <Button variant="ghost" size="sm" disabled={move.isPending} onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </div>
  );
}
