import { Flame } from "lucide-react";
import { DIETARY_TAG_LABEL, SPICE_LEVEL_LABEL } from "~/components/menu/menu-labels";
import type { MenuProduct } from "~/components/menu/menu-types";

/** Dietary tags and the spice level as small chips; nothing at all for a plain, mild dish. */
export function ProductTags({ product }: { product: Pick<MenuProduct, "dietaryTags" | "spiceLevel"> }) {
  const spice = SPICE_LEVEL_LABEL[product.spiceLevel];
  if (product.dietaryTags.length === 0 && product.spiceLevel === 0) return null;
  return (
    <p className="flex flex-wrap gap-1.5">
      {product.dietaryTags.map((tag) => (
        <span key={tag} className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">
          {DIETARY_TAG_LABEL[tag]}
        </span>
      ))}
      {product.spiceLevel > 0 && spice ? (
        <span className="inline-flex items-center gap-1 rounded-full bg-orange-50 px-2 py-0.5 text-xs font-medium text-orange-900">
          <Flame aria-hidden className="size-3" />
          {spice}
        </span>
      ) : null}
    </p>
  );
}
