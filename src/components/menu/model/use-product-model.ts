"use client";

import { api } from "~/trpc/react";
import { isModelInProgress, type ModelTarget, type ModelView } from "~/components/menu/model/model-types";

// A small model is optimised in one to three seconds, so the owner sees the result almost as soon as it exists.
const POLL_INTERVAL_MS = 1500;

/** The product's model, fetched again and again while the optimisation job works on it and no longer after. */
export function useProductModel({ restaurantId, productId }: ModelTarget, initialModel: ModelView | null) {
  return api.menu.models.get.useQuery(
    { restaurantId, productId },
    {
      initialData: initialModel,
      refetchInterval: (query) => (isModelInProgress(query.state.data?.status) ? POLL_INTERVAL_MS : false),
    },
  );
}
