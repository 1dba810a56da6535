"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { createRestaurantSchema } from "~/schemas/restaurant";
import { baseSlugFor } from "~/lib/slug";
import { applyServerErrors } from "~/components/forms/apply-server-errors";
import { FormErrors } from "~/components/forms/form-errors";
import { Button } from "~/components/ui/button";
import { RestaurantFields } from "~/components/restaurants/restaurant-fields";
import { EMPTY_RESTAURANT, RESTAURANT_FORM_FIELDS } from "~/components/restaurants/restaurant-form-values";
import { SlugAvailability } from "~/components/restaurants/slug-availability";
import { useHydrated } from "~/components/forms/use-hydrated";

type InputEvent = { target: { value: string } };

export function CreateRestaurantForm({ menuBaseUrl }: { menuBaseUrl: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  // Until the owner types an address of their own, the address follows the name.
  const [slugEdited, setSlugEdited] = useState(false);
  const [formMessages, setFormMessages] = useState<string[]>([]);
  const { register, handleSubmit, getValues, setValue, setError, control, formState } = useForm({
    resolver: zodResolver(createRestaurantSchema),
    defaultValues: EMPTY_RESTAURANT,
  });
  const slug = useWatch({ control, name: "slug" }) ?? "";

  const create = api.restaurants.create.useMutation({
    onSuccess: (restaurant) => {
      toast.success(`${restaurant.name} was created`, { description: "Check the details, then submit it for review." });
      router.push(`/dashboard/restaurants/${restaurant.id}`);
    },
    onError: (error) => {
      const { appliedToFields, formMessages: messages } = applyServerErrors(error.data, RESTAURANT_FORM_FIELDS, setError);
      setFormMessages(messages);
      toast.error(appliedToFields ? "Check the highlighted fields" : error.message);
    },
  });

  const fields = {
    name: register("name", {
      onChange: (event: InputEvent) => {
        if (!slugEdited) setValue("slug", baseSlugFor(event.target.value), { shouldValidate: formState.isSubmitted });
      },
    }),
    // Clearing the address hands it back to the name; leaving it empty puts the suggestion back.
    slug: register("slug", {
      onChange: (event: InputEvent) => setSlugEdited(event.target.value.trim() !== ""),
      onBlur: (event: InputEvent) => {
        if (event.target.value.trim() === "") setValue("slug", baseSlugFor(getValues("name")));
      },
    }),
    description: register("description"),
    address: register("address"),
    city: register("city"),
    phone: register("phone"),
    currency: register("currency"),
  };

  const onSubmit = handleSubmit((values) => {
    setFormMessages([]);
    // A derived address is a suggestion: without one the server takes the next free address for the name.
    create.mutate({ ...values, slug: slugEdited ? values.slug : undefined });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormErrors messages={formMessages} />
      {/* Typing before hydration would be undone when react-hook-form takes the inputs over. */}
      <fieldset disabled={!hydrated} className="min-w-0">
        <legend className="sr-only">Restaurant details</legend>
        <RestaurantFields
          fields={fields}
          initialValues={EMPTY_RESTAURANT}
          errors={formState.errors}
          slugHint={<SlugAvailability slug={slug} menuBaseUrl={menuBaseUrl} derived={!slugEdited} />}
        />
      </fieldset>
      <div className="mt-8 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => router.push("/dashboard")}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create restaurant
        </Button>
      </div>
    </form>
  );
}
