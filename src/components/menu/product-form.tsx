"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { toastError } from "~/components/billing/error-toast";
import { api } from "~/trpc/react";
import { applyServerErrors, type ServerErrorData } from "~/components/forms/apply-server-errors";
import { FormErrors } from "~/components/forms/form-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import type { MenuCategory } from "~/components/menu/menu-types";
import { ProductFields } from "~/components/menu/product-fields";
import { PRODUCT_FORM_FIELDS, productFormSchema, type ProductFormValues } from "~/components/menu/product-form-values";
import { errorMessage, serverErrorData } from "~/components/menu/server-error-data";
import { SuspendedMenuAlert } from "~/components/menu/suspended-menu-alert";
import { Button } from "~/components/ui/button";
import { buttonClasses } from "~/components/ui/button-styles";

type ProductFormProps = {
  restaurant: { id: string; currency: string; readOnly: boolean };
  categories: readonly Pick<MenuCategory, "id" | "name">[];
  initialValues: ProductFormValues;
  /** The product being edited; without it the form creates one. */
  productId?: string;
};

// The API calls the price priceMinor; on this form it is the text field "price".
function withPriceField(data: ServerErrorData): ServerErrorData {
  const fieldErrors = data?.fieldErrors;
  if (!fieldErrors?.priceMinor) return data;
  const { priceMinor, ...rest } = fieldErrors;
  return { ...data, fieldErrors: { ...rest, price: priceMinor } };
}

export function ProductForm({ restaurant, categories, initialValues, productId }: ProductFormProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const utils = api.useUtils();
  const [formMessages, setFormMessages] = useState<string[]>([]);
  // Stays true while the menu page loads, so a second click cannot save the product twice.
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => productFormSchema(restaurant.currency), [restaurant.currency]);
  const { register, handleSubmit, setError, formState } = useForm({ resolver: zodResolver(schema), defaultValues: initialValues });
  const create = api.menu.products.create.useMutation();
  const update = api.menu.products.update.useMutation();
  const menuHref = `/dashboard/restaurants/${restaurant.id}/menu`;

  const onSubmit = handleSubmit(async ({ price, categoryId, ...details }) => {
    setFormMessages([]);
    const restaurantId = restaurant.id;
    try {
      if (productId) {
        await update.mutateAsync({ restaurantId, productId, categoryId, priceMinor: price, ...details });
        toast.success(`${details.name} was saved`);
      } else {
        await create.mutateAsync({ restaurantId, categoryId, priceMinor: price, ...details });
        toast.success(`${details.name} was added`);
      }
      setSaved(true);
      await utils.menu.invalidate();
      router.push(menuHref);
    } catch (error) {
      const { appliedToFields, formMessages: messages } = applyServerErrors(withPriceField(serverErrorData(error)), PRODUCT_FORM_FIELDS, setError);
      setFormMessages(messages);
      toastError(error, appliedToFields ? "Check the highlighted fields" : errorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {restaurant.readOnly ? <SuspendedMenuAlert /> : null}
      <FormErrors messages={formMessages} />
      {/* Disabled until hydration so typing is not undone when react-hook-form takes the inputs over. */}
      <fieldset disabled={restaurant.readOnly || !hydrated} className="min-w-0">
        <legend className="sr-only">Product details</legend>
        <ProductFields
          register={register}
          initialValues={initialValues}
          errors={formState.errors}
          categories={categories}
          currency={restaurant.currency}
        />
      </fieldset>
      <div className="mt-8 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-end">
        <Link href={menuHref} className={buttonClasses("secondary")}>
          {restaurant.readOnly ? "Back to the menu" : "Cancel"}
        </Link>
        {restaurant.readOnly ? null : (
          <Button type="submit" pending={formState.isSubmitting || saved}>
            Save product
          </Button>
        )}
      </div>
    </form>
  );
}
