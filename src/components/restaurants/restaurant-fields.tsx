"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, inputClasses } from "~/components/ui/field";
import type { RestaurantFieldName, RestaurantFormValues } from "~/components/restaurants/restaurant-form-values";

type RestaurantFieldsProps = {
  /** Each input's react-hook-form registration, made by the form that owns the values and their schema. */
  fields: { [Name in RestaurantFieldName]: UseFormRegisterReturn<Name> };
  /** Rendered into the server HTML, so the values show before react-hook-form takes the inputs over. */
  initialValues: RestaurantFormValues;
  errors: Partial<Record<RestaurantFieldName, { message?: string }>>;
  slugHint: ReactNode;
};

const COMMON_CURRENCIES = ["PKR", "USD", "EUR", "GBP", "AED", "SAR", "INR"];

// No maxLength on the inputs: a browser would cut a pasted value silently, the schema says what is wrong instead.
export function RestaurantFields({ fields, initialValues, errors, slugHint }: RestaurantFieldsProps) {
  const input = (name: RestaurantFieldName) => ({
    ...fields[name],
    defaultValue: initialValues[name],
    className: inputClasses(Boolean(errors[name]), name === "slug" ? "font-mono" : name === "currency" ? "uppercase" : undefined),
  });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field id="restaurant-name" label="Name" error={errors.name?.message} className="sm:col-span-2">
        {(control) => <input {...control} {...input("name")} type="text" autoComplete="organization" />}
      </Field>
      <Field id="restaurant-slug" label="Web address" error={errors.slug?.message} hint={slugHint} className="sm:col-span-2">
        {(control) => <input {...control} {...input("slug")} type="text" autoCapitalize="none" autoCorrect="off" spellCheck={false} />}
      </Field>
      <Field
        id="restaurant-description"
        label="Description"
        optional
        error={errors.description?.message}
        hint="One or two sentences guests see at the top of the menu."
        className="sm:col-span-2"
      >
        {(control) => <textarea {...control} {...input("description")} rows={3} />}
      </Field>
      <Field id="restaurant-address" label="Street address" optional error={errors.address?.message} className="sm:col-span-2">
        {(control) => <input {...control} {...input("address")} type="text" autoComplete="street-address" />}
      </Field>
      <Field id="restaurant-city" label="City" optional error={errors.city?.message}>
        {(control) => <input {...control} {...input("city")} type="text" autoComplete="address-level2" />}
      </Field>
      <Field id="restaurant-phone" label="Phone" optional error={errors.phone?.message} hint="For example +92 300 1234567">
        {(control) => <input {...control} {...input("phone")} type="tel" autoComplete="tel" />}
      </Field>
      <Field id="restaurant-currency" label="Currency" error={errors.currency?.message} hint="Three-letter code of the prices on your menu.">
        {(control) => (
          <>
            <input
              {...control}
              {...input("currency")}
              type="text"
              list="restaurant-currency-options"
              autoCapitalize="characters"
              autoComplete="off"
            />
            <datalist id="restaurant-currency-options">
              {COMMON_CURRENCIES.map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
          </>
        )}
      </Field>
    </div>
  );
}
