import type { ComponentType, SVGProps } from "react";
import clsx from "clsx";
import { Bean, Droplet, Egg, Fish, Flower2, LeafyGreen, Milk, Nut, Shell, Shrimp, Sprout, TreeDeciduous, Wheat, Wine } from "lucide-react";
import { ALLERGEN_LABEL, type Allergen } from "~/components/menu/menu-labels";

// No icon set draws all 14 EU allergens, so these are the nearest pictures; the words always travel with them
// (visible in the product's details, as a tooltip and for screen readers on the card).
const ALLERGEN_ICON: Record<Allergen, ComponentType<SVGProps<SVGSVGElement>>> = {
  CELERY: LeafyGreen,
  GLUTEN: Wheat,
  CRUSTACEANS: Shrimp,
  EGGS: Egg,
  FISH: Fish,
  LUPIN: Flower2,
  MILK: Milk,
  MOLLUSCS: Shell,
  MUSTARD: Droplet,
  TREE_NUTS: TreeDeciduous,
  PEANUTS: Nut,
  SESAME: Sprout,
  SOYBEANS: Bean,
  SULPHITES: Wine,
};

/** Compact: one icon per allergen, named for screen readers and on hover. */
export function AllergenIcons({ allergens, className }: { allergens: readonly Allergen[]; className?: string }) {
  if (allergens.length === 0) return null;
  return (
    <ul aria-label="Allergens" className={clsx("flex flex-wrap gap-1", className)}>
      {allergens.map((allergen) => {
        const Icon = ALLERGEN_ICON[allergen];
        return (
          <li key={allergen} title={ALLERGEN_LABEL[allergen]} className="grid size-6 place-items-center rounded-full bg-amber-50 text-amber-900 ring-1 ring-amber-200">
            <Icon aria-hidden className="size-3.5" />
            <span className="sr-only">{ALLERGEN_LABEL[allergen]}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Full: icon and words, for the product's details. */
export function AllergenList({ allergens }: { allergens: readonly Allergen[] }) {
  return (
    <ul className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-2">
      {allergens.map((allergen) => {
        const Icon = ALLERGEN_ICON[allergen];
        return (
          <li key={allergen} className="flex items-center gap-2 text-sm text-stone-800">
            <span className="grid size-7 shrink-0 place-items-center rounded-full bg-amber-50 text-amber-900 ring-1 ring-amber-200">
              <Icon aria-hidden className="size-4" />
            </span>
            {ALLERGEN_LABEL[allergen]}
          </li>
        );
      })}
    </ul>
  );
}
