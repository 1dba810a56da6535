"use client";

import type { UseFormRegister } from "react-hook-form";
import { ALLERGENS, AVAILABILITIES, DIETARY_TAGS } from "~/schemas/menu";
import { minorUnitDigits } from "~/lib/money";
import { ALLERGEN_LABEL, AVAILABILITY_HINT, AVAILABILITY_LABEL, DIETARY_TAG_LABEL, SPICE_LEVEL_LABEL } from "~/components/menu/menu-labels";
import { ChoiceGroup } from "~/components/menu/choice-group";
import type { MenuCategory } from "~/components/menu/menu-types";
import type { ProductFieldName, ProductFormValues } from "~/components/menu/product-form-values";
import { Field, inputClasses } from "~/components/ui/field";
import { selectClasses } from "~/components/ui/select-classes";

type ProductFieldsProps = {
  register: UseFormRegister<ProductFormValues>;
  /** Rendered into the server HTML, so the values show before react-hook-form takes the inputs over. */
  initialValues: ProductFormValues;
  errors: Partial<Record<ProductFieldName, { message?: string }>>;
  categories: readonly Pick<MenuCategory, "id" | "name">[];
  currency: string;
};

const AVAILABILITY_CHOICES = AVAILABILITIES.map((value) => ({ value, label: AVAILABILITY_LABEL[value], hint: AVAILABILITY_HINT[value] }));
const DIETARY_CHOICES = DIETARY_TAGS.map((value) => ({ value, label: DIETARY_TAG_LABEL[value] }));
const SPICE_CHOICES = SPICE_LEVEL_LABEL.map((label, level) => ({ value: String(level), label }));
const ALLERGEN_CHOICES = ALLERGENS.map((value) => ({ value, label: ALLERGEN_LABEL[value] }));

// No maxLength on the inputs: a browser would cut a pasted value silently, the schema says what is wrong instead.
export function ProductFields({ register, initialValues, errors, categories, currency }: ProductFieldsProps) {
  const text = (name: "name" | "description" | "price" | "calories" | "portionSize") => ({
    ...register(name),
    defaultValue: initialValues[name],
    className: inputClasses(Boolean(errors[name])),
  });
  const priceExample = minorUnitDigits(currency) === 0 ? "1,250" : "1,250 or 1250.50";
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <Field id="product-name" label="Name" error={errors.name?.message} className="sm:col-span-2">
        {(control) => <input {...control} {...text("name")} type="text" autoComplete="off" />}
      </Field>
      <Field id="product-price" label="Price" error={errors.price?.message} hint={`In ${currency}, like ${priceExample}.`}>
        {(control) => <input {...control} {...text("price")} type="text" inputMode="decimal" autoComplete="off" />}
      </Field>
      <Field id="product-category" label="Category" error={errors.categoryId?.message}>
        {(control) => (
          <select {...control} {...register("categoryId")} defaultValue={initialValues.categoryId} className={selectClasses(Boolean(errors.categoryId))}>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="product-description" label="Description" optional error={errors.description?.message} hint="What is in it, how it is served." className="sm:col-span-2">
        {(control) => <textarea {...control} {...text("description")} rows={3} />}
      </Field>
      <ChoiceGroup
        id="product-availability"
        legend="Availability"
        type="radio"
        choices={AVAILABILITY_CHOICES}
        registration={register("availability")}
        checked={[initialValues.availability ?? "AVAILABLE"]}
        error={errors.availability?.message}
        columns="sm:grid-cols-3"
        className="sm:col-span-2"
      />
      <ChoiceGroup
        id="product-dietary-tags"
        legend="Dietary tags"
        type="checkbox"
        choices={DIETARY_CHOICES}
        registration={register("dietaryTags")}
        checked={initialValues.dietaryTags}
        error={errors.dietaryTags?.message}
      />
      <ChoiceGroup
        id="product-spice-level"
        legend="Spice level"
        type="radio"
        choices={SPICE_CHOICES}
        registration={register("spiceLevel")}
        checked={[initialValues.spiceLevel]}
        error={errors.spiceLevel?.message}
      />
      <ChoiceGroup
        id="product-allergens"
        legend="Allergens"
        type="checkbox"
        choices={ALLERGEN_CHOICES}
        registration={register("allergens")}
        checked={initialValues.allergens}
        error={errors.allergens?.message}
        columns="grid-cols-1 sm:grid-cols-2 lg:grid-cols-3"
        className="sm:col-span-2"
      />
      <Field id="product-calories" label="Calories" optional error={errors.calories?.message} hint="kcal per portion.">
        {(control) => <input {...control} {...text("calories")} type="text" inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field id="product-portion-size" label="Portion size" optional error={errors.portionSize?.message} hint="For example 250 g, 6 pieces or serves 2.">
        {(control) => <input {...control} {...text("portionSize")} type="text" autoComplete="off" />}
      </Field>
    </div>
  );
}
