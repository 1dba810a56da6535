import type { ComponentType, SVGProps } from "react";
import clsx from "clsx";
import { Bean, Droplet, Egg, Fish, Flower2, LeafyGreen, Milk, Nut, Shell, Shrimp, Sprout, TreeDeciduous, Wheat, Wine } from "lucide-react";
import { ALLERGEN_LABEL, type Allergen } from "~/components/menu/menu-labels";

// No icon set draws all 14 EU allergens, so these are the nearest pictures; the words always travel with them.
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

// The regulation's words are long for a card on a phone; the details and the tooltip keep them whole.
const SHORT_LABEL: Partial<Record<Allergen, string>> = { GLUTEN: "Gluten" };

/** Compact chips for a dish card: the picture and a short name, since phones show no tooltips. */
export function AllergenChips({ allergens, className }: { allergens: readonly Allergen[]; className?: string }) {
  if (allergens.length === 0) return null;
  return (
    <ul aria-label="Allergens" className={clsx("flex flex-wrap gap-1.5", className)}>
      {allergens.map((allergen) => {
        const Icon = ALLERGEN_ICON[allergen];
        return (
          <li
            key={allergen}
            title={ALLERGEN_LABEL[allergen]}
            className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-950 ring-1 ring-amber-200"
          >
            <Icon aria-hidden className="size-3" />
            {SHORT_LABEL[allergen] ?? ALLERGEN_LABEL[allergen]}
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
