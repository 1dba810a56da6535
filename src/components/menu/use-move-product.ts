"use client";

import { useState } from "react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { MENU_PAGE_MAX } from "~/schemas/menu";
import type { MenuProduct } from "~/components/menu/menu-types";
import { errorMessage } from "~/components/menu/server-error-data";

/**
 * Moves a product one place up or down in its category. The server takes the category's whole new order,
 * and the list on screen may be filtered or only partly loaded, so the order is read afresh first.
 */
export function useMoveProduct(restaurantId: string) {
  const utils = api.useUtils();
  const reorder = api.menu.products.reorder.useMutation();
  // Covers reading the order as well as saving it: one move at a time, or the second would undo the first.
  const [movingId, setMovingId] = useState<string | null>(null);

  const categoryOrder = async (categoryId: string): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await utils.client.menu.products.list.query({ restaurantId, categoryId, cursor, limit: MENU_PAGE_MAX });
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  };

  const move = async (product: MenuProduct, direction: -1 | 1) => {
    setMovingId(product.id);
    try {
      const ids = await categoryOrder(product.category.id);
      const index = ids.indexOf(product.id);
      const target = index + direction;
      if (index < 0 || target < 0 || target >= ids.length) {
        toast.info(`${product.name} is already ${direction < 0 ? "first" : "last"} in ${product.category.name}`);
        return;
      }
      ids.splice(index, 1);
      ids.splice(target, 0, product.id);
      await reorder.mutateAsync({ restaurantId, categoryId: product.category.id, productIds: ids });
      toast.success(`${product.name} moved ${direction < 0 ? "up" : "down"}`);
      await utils.menu.products.invalidate();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setMovingId(null);
    }
  };

  return { move, movingId };
}
