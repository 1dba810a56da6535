"use client";

import type { ReactNode } from "react";
import { Check, LoaderCircle, X } from "lucide-react";
import { api } from "~/trpc/react";
import { slugSchema } from "~/schemas/restaurant";
import { useDebouncedValue } from "~/components/forms/use-debounced-value";

type SlugAvailabilityProps = {
  slug: string;
  menuBaseUrl: string;
  /** When editing: the restaurant's own address counts as available. */
  restaurantId?: string;
  currentSlug?: string;
  /** The slug was derived from the name: when it is taken the server picks the next free one. */
  derived?: boolean;
};

/** The hint under the web-address input: the full menu URL and whether the address is still free. */
export function SlugAvailability({ slug, menuBaseUrl, restaurantId, currentSlug, derived = false }: SlugAvailabilityProps) {
  const typed = slug.trim().toLowerCase();
  const debounced = useDebouncedValue(typed, 350);
  // Invalid addresses get the validation message on submit; the hint stays quiet instead of repeating it.
  const check = slugSchema.safeParse(debounced).success && debounced !== currentSlug;
  const availability = api.restaurants.slugAvailable.useQuery(
    { slug: debounced, restaurantId },
    { enabled: check, retry: false, staleTime: 10_000 },
  );

  let status: ReactNode = "Lowercase letters, digits and hyphens.";
  if (typed && typed === currentSlug) {
    status = "This is your current address.";
  } else if (check && (debounced !== typed || availability.isFetching)) {
    status = (
      <span className="inline-flex items-center gap-1">
        <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
        Checking…
      </span>
    );
  } else if (check && availability.data) {
    status = availability.data.available ? (
      <span className="inline-flex items-center gap-1 font-medium text-emerald-800">
        <Check aria-hidden className="size-4" />
        Available
      </span>
    ) : (
      <span className="inline-flex items-center gap-1 font-medium text-amber-900">
        <X aria-hidden className="size-4 shrink-0" />
        {derived ? "Taken: we will add a number to make it unique, or type your own." : "Taken: choose another address."}
      </span>
    );
  } else if (check && availability.isError) {
    status = "Could not check this address right now.";
  }

  return (
    <>
      <span className="block break-all">
        Your menu will live at{" "}
        <span className="font-mono text-stone-800">
          {menuBaseUrl}
          {typed || "…"}
        </span>
      </span>
      <span aria-live="polite" className="mt-1 block min-h-5">
        {status}
      </span>
    </>
  );
}
