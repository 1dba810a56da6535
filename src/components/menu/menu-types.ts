import type { RouterOutputs } from "~/trpc/react";

export type MenuCategory = RouterOutputs["menu"]["categories"]["list"][number];
export type MenuProduct = RouterOutputs["menu"]["products"]["list"]["items"][number];

/** What every part of the editor needs to know about the restaurant whose menu it edits. */
export type MenuRestaurant = { id: string; currency: string; readOnly: boolean };
