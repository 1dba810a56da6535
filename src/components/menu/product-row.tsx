"use client";

import Link from "next/link";
import { ArrowDown, ArrowUp, Copy, Pencil, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { toastError } from "~/components/billing/error-toast";
import { api } from "~/trpc/react";
import { formatPrice } from "~/lib/money";
import { AvailabilityBadge } from "~/components/menu/availability-badge";
import { IconButton } from "~/components/menu/icon-button";
import type { MenuCategory, MenuProduct, MenuRestaurant } from "~/components/menu/menu-types";
import { MoveToCategory } from "~/components/menu/move-to-category";
import { ProductTags } from "~/components/menu/product-tags";
import { buttonClasses } from "~/components/ui/button-styles";

type ProductRowProps = {
  restaurant: MenuRestaurant;
  product: MenuProduct;
  categories: readonly MenuCategory[];
  selected: boolean;
  onSelectedChange: (selected: boolean) => void;
  /** False when the loaded list shows the product is already at that end of its category. */
  canMoveUp: boolean;
  canMoveDown: boolean;
  moving: boolean;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
};

export function ProductRow(props: ProductRowProps) {
  const { restaurant, product, categories, selected, onSelectedChange, canMoveUp, canMoveDown, moving, onMove, onDelete } = props;
  const utils = api.useUtils();
  const duplicate = api.menu.products.duplicate.useMutation({
    onSuccess: async (copy) => {
      toast.success(`${copy.name} was added`);
      await utils.menu.invalidate();
    },
    onError: (error) => toastError(error, error.message),
  });
  const nameId = `product-${product.id}-name`;
  const editHref = `/dashboard/restaurants/${restaurant.id}/menu/products/${product.id}`;

  return (
    <li className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-3 sm:p-4">
      <div className="flex items-start gap-3">
        {restaurant.readOnly ? null : (
          <input
            type="checkbox"
            checked={selected}
            onChange={(event) => onSelectedChange(event.target.checked)}
            aria-label={`Select ${product.name}`}
            className="mt-1 size-5 shrink-0 accent-brand-700"
          />
        )}
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
            <p id={nameId} className="min-w-0 font-semibold break-words text-stone-900">
              {product.name}
            </p>
            <AvailabilityBadge availability={product.availability} />
          </div>
          <p className="text-sm text-stone-700">
            <span data-testid="price" className="font-semibold tabular-nums">
              {formatPrice(product.priceMinor, restaurant.currency)}
            </span>
          </p>
          <ProductTags product={product} />
        </div>
      </div>
      {restaurant.readOnly ? null : (
        <div className="flex flex-wrap items-center gap-x-1 gap-y-2 border-t border-stone-100 pt-2">
          <Link href={editHref} aria-describedby={nameId} className={buttonClasses("ghost", "sm", "min-h-10")}>
            <Pencil aria-hidden className="size-4" />
            Edit
          </Link>
          <IconButton icon={Copy} label="Duplicate" describedBy={nameId} pending={duplicate.isPending} onClick={() => duplicate.mutate({ restaurantId: restaurant.id, productId: product.id })} />
          <IconButton icon={ArrowUp} label="Move up" describedBy={nameId} disabled={!canMoveUp || moving} onClick={() => onMove(-1)} />
          <IconButton icon={ArrowDown} label="Move down" describedBy={nameId} disabled={!canMoveDown || moving} onClick={() => onMove(1)} />
          <IconButton icon={Trash2} label="Delete" describedBy={nameId} onClick={onDelete} />
          <div className="ml-auto">
            <MoveToCategory restaurantId={restaurant.id} product={product} categories={categories} describedBy={nameId} />
          </div>
        </div>
      )}
    </li>
  );
}
