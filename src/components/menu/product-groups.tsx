"use client";

import type { MenuCategory, MenuProduct, MenuRestaurant } from "~/components/menu/menu-types";
import { ProductRow } from "~/components/menu/product-row";

type ProductGroupsProps = {
  restaurant: MenuRestaurant;
  items: readonly MenuProduct[];
  categories: readonly MenuCategory[];
  knowsCategoryEnds: boolean;
  hasNextPage: boolean;
  selected: ReadonlySet<string>;
  onSelectedChange: (productId: string, selected: boolean) => void;
  movingId: string | null;
  onMove: (product: MenuProduct, direction: -1 | 1) => void;
  onDelete: (product: MenuProduct) => void;
};

type Group = { category: MenuProduct["category"]; rows: { product: MenuProduct; index: number }[] };

/** The server lists products in category order, so consecutive rows of one category form its group. */
function groupByCategory(items: readonly MenuProduct[]): Group[] {
  const groups: Group[] = [];
  items.forEach((product, index) => {
    const last = groups.at(-1);
    if (last && last.category.id === product.category.id) last.rows.push({ product, index });
    else groups.push({ category: product.category, rows: [{ product, index }] });
  });
  return groups;
}

export function ProductGroups(props: ProductGroupsProps) {
  const { restaurant, items, categories, knowsCategoryEnds, hasNextPage, selected, onSelectedChange, movingId, onMove, onDelete } = props;
  const sameCategory = (index: number, categoryId: string) => items[index]?.category.id === categoryId;
  return (
    <div className="flex flex-col gap-6">
      {groupByCategory(items).map((group) => (
        <section key={group.category.id} aria-labelledby={`group-${group.category.id}`}>
          <h3 id={`group-${group.category.id}`} className="mb-2 text-sm font-semibold tracking-wide text-stone-600 uppercase">
            {group.category.name}
          </h3>
          <ul className="flex flex-col gap-2">
            {group.rows.map(({ product, index }) => {
              const first = index === 0 || !sameCategory(index - 1, product.category.id);
              const last = index === items.length - 1 ? !hasNextPage : !sameCategory(index + 1, product.category.id);
              return (
                <ProductRow
                  key={product.id}
                  restaurant={restaurant}
                  product={product}
                  categories={categories}
                  selected={selected.has(product.id)}
                  onSelectedChange={(on) => onSelectedChange(product.id, on)}
                  canMoveUp={!(knowsCategoryEnds && first)}
                  canMoveDown={!(knowsCategoryEnds && last)}
                  moving={movingId !== null}
                  onMove={(direction) => onMove(product, direction)}
                  onDelete={() => onDelete(product)}
                />
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
