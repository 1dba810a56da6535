import type { RouterOutputs } from "~/trpc/react";

export type ProductMedia = RouterOutputs["menu"]["media"]["list"][number];

/** The server's byte limits (server env), handed down by the page so the browser can refuse early. */
export type MediaLimits = { imageBytes: number; videoBytes: number };

/** The product whose photos and videos are shown, and whether its restaurant may change them. */
export type MediaTarget = { restaurantId: string; productId: string; readOnly: boolean };

export const ACCEPTED_MEDIA_TYPES = "image/jpeg,image/png,image/webp,image/gif,image/avif,video/mp4,video/quicktime,video/webm";
