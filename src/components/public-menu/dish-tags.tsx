import clsx from "clsx";
import { Flame, Leaf } from "lucide-react";
import { DIETARY_TAG_LABEL, SPICE_LEVEL_LABEL, type DietaryTag } from "~/components/menu/menu-labels";

type DishTagsProps = { dietaryTags: readonly DietaryTag[]; spiceLevel: number; className?: string };

const GREEN_TAGS: ReadonlySet<DietaryTag> = new Set(["VEGETARIAN", "VEGAN"]);

/** Dietary tags and the spice level as chips; nothing at all for a plain, mild dish. */
export function DishTags({ dietaryTags, spiceLevel, className }: DishTagsProps) {
  const spice = spiceLevel > 0 ? SPICE_LEVEL_LABEL[spiceLevel] : undefined;
  if (dietaryTags.length === 0 && !spice) return null;
  return (
    <ul aria-label="Dietary information" className={clsx("flex flex-wrap gap-1.5", className)}>
      {dietaryTags.map((tag) => (
        <li
          key={tag}
          className={clsx(
            "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1",
            GREEN_TAGS.has(tag) ? "bg-emerald-50 text-emerald-900 ring-emerald-200" : "bg-stone-100 text-stone-700 ring-stone-200",
          )}
        >
          {GREEN_TAGS.has(tag) ? <Leaf aria-hidden className="size-3" /> : null}
          {DIETARY_TAG_LABEL[tag]}
        </li>
      ))}
      {spice ? (
        <li className="inline-flex items-center gap-0.5 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-900 ring-1 ring-red-200">
          {/* One flame per level, so the heat reads at a glance; the word says it to everyone else. */}
          {Array.from({ length: spiceLevel }, (_, index) => (
            <Flame key={index} aria-hidden className="size-3 fill-current" />
          ))}
          <span className="ml-0.5">{spice}</span>
        </li>
      ) : null}
    </ul>
  );
}
