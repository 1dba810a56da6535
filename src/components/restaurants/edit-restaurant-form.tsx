"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { zodResolver } from "@hookform/resolvers/zod";
import { api } from "~/trpc/react";
import { updateRestaurantSchema } from "~/schemas/restaurant";
import { applyServerErrors } from "~/components/forms/apply-server-errors";
import { FormErrors } from "~/components/forms/form-errors";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { RestaurantFields } from "~/components/restaurants/restaurant-fields";
import {
  RESTAURANT_FORM_FIELDS,
  restaurantFormValues,
  type RestaurantFormValues,
} from "~/components/restaurants/restaurant-form-values";
import { SlugAvailability } from "~/components/restaurants/slug-availability";
import { useHydrated } from "~/components/forms/use-hydrated";

const editSchema = updateRestaurantSchema.omit({ restaurantId: true });

type EditRestaurantFormProps = {
  restaurantId: string;
  initialValues: RestaurantFormValues;
  menuBaseUrl: string;
  readOnly: boolean;
};

export function EditRestaurantForm({ restaurantId, initialValues, menuBaseUrl, readOnly }: EditRestaurantFormProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [formMessages, setFormMessages] = useState<string[]>([]);
  const [savedSlug, setSavedSlug] = useState(initialValues.slug);
  const { register, handleSubmit, setError, reset, control, formState } = useForm({
    resolver: zodResolver(editSchema),
    defaultValues: initialValues,
  });
  const slug = useWatch({ control, name: "slug" });

  const update = api.restaurants.update.useMutation({
    onSuccess: (restaurant) => {
      toast.success("Changes saved");
      reset(restaurantFormValues(restaurant));
      setSavedSlug(restaurant.slug);
      // The page's heading and state panel are server-rendered from the same data.
      router.refresh();
    },
    onError: (error) => {
      const { appliedToFields, formMessages: messages } = applyServerErrors(error.data, RESTAURANT_FORM_FIELDS, setError);
      setFormMessages(messages);
      toast.error(appliedToFields ? "Check the highlighted fields" : error.message);
    },
  });

  const onSubmit = handleSubmit((values) => {
    setFormMessages([]);
    update.mutate({ restaurantId, ...values });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {readOnly ? (
        <Alert title="These details are locked" className="mb-5">
          A suspended restaurant cannot be edited. Once an admin restores it, you can change its details again.
        </Alert>
      ) : null}
      <FormErrors messages={formMessages} />
      {/* A disabled fieldset keeps the values visible but unchangeable: always when suspended, and until
          hydration so that typing is not undone when react-hook-form takes the inputs over. */}
      <fieldset disabled={readOnly || !hydrated} className="min-w-0">
        <legend className="sr-only">Restaurant details</legend>
        <RestaurantFields
          initialValues={initialValues}
          fields={{
            name: register("name"),
            slug: register("slug"),
            description: register("description"),
            address: register("address"),
            city: register("city"),
            phone: register("phone"),
            currency: register("currency"),
          }}
          errors={formState.errors}
          slugHint={
            <SlugAvailability slug={slug} menuBaseUrl={menuBaseUrl} restaurantId={restaurantId} currentSlug={savedSlug} />
          }
        />
      </fieldset>
      {readOnly ? null : (
        <div className="mt-8 flex flex-col-reverse items-stretch gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:items-center sm:justify-end">
          {formState.isDirty ? <p className="text-sm text-stone-600 sm:mr-auto">You have unsaved changes.</p> : null}
          <Button variant="secondary" disabled={!formState.isDirty || update.isPending} onClick={() => reset()}>
            Discard changes
          </Button>
          <Button type="submit" pending={update.isPending}>
            Save changes
          </Button>
        </div>
      )}
    </form>
  );
}
