import type { RouterOutputs } from "~/trpc/react";

export type RestaurantTable = RouterOutputs["tables"]["list"][number];

/** What every part of the QR page needs to know about the restaurant. */
export type QrRestaurant = { id: string; name: string; slug: string; readOnly: boolean };
