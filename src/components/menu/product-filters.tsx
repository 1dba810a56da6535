"use client";

import { AVAILABILITIES, DIETARY_TAGS } from "~/schemas/menu";
import { AVAILABILITY_LABEL, DIETARY_TAG_LABEL, type Availability, type DietaryTag } from "~/components/menu/menu-labels";
import type { MenuCategory } from "~/components/menu/menu-types";
import { Field, inputClasses } from "~/components/ui/field";
import { selectClasses } from "~/components/ui/select-classes";

export type ProductFilter = { search: string; categoryId: string; availability: Availability | ""; dietaryTag: DietaryTag | "" };

export const NO_PRODUCT_FILTER: ProductFilter = { search: "", categoryId: "", availability: "", dietaryTag: "" };

type ProductFiltersProps = {
  filter: ProductFilter;
  categories: readonly MenuCategory[];
  onChange: (filter: ProductFilter) => void;
};

// Applied as they change (the search once typing pauses): the list is client-side, there is nothing to submit.
export function ProductFilters({ filter, categories, onChange }: ProductFiltersProps) {
  const set = <Key extends keyof ProductFilter>(key: Key, value: ProductFilter[Key]) => onChange({ ...filter, [key]: value });
  return (
    <div role="search" aria-label="Filter products" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <Field id="product-search" label="Search">
        {(control) => (
          <input
            {...control}
            type="search"
            value={filter.search}
            placeholder="Product name"
            onChange={(event) => set("search", event.target.value)}
            className={inputClasses()}
          />
        )}
      </Field>
      <Field id="product-filter-category" label="In category">
        {(control) => (
          <select {...control} value={filter.categoryId} onChange={(event) => set("categoryId", event.target.value)} className={selectClasses()}>
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="product-filter-availability" label="Availability">
        {(control) => (
          <select
            {...control}
            value={filter.availability}
            onChange={(event) => set("availability", event.target.value as ProductFilter["availability"])}
            className={selectClasses()}
          >
            <option value="">Any availability</option>
            {AVAILABILITIES.map((value) => (
              <option key={value} value={value}>
                {AVAILABILITY_LABEL[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="product-filter-tag" label="Dietary tag">
        {(control) => (
          <select
            {...control}
            value={filter.dietaryTag}
            onChange={(event) => set("dietaryTag", event.target.value as ProductFilter["dietaryTag"])}
            className={selectClasses()}
          >
            <option value="">Any tag</option>
            {DIETARY_TAGS.map((value) => (
              <option key={value} value={value}>
                {DIETARY_TAG_LABEL[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
