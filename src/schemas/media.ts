import { z } from "zod";

export const ALT_TEXT_MAX = 250;

const restaurantId = z.uuid("Unknown restaurant");
const productId = z.uuid("Unknown product");
const mediaId = z.uuid("Unknown photo or video");

export const productMediaRefSchema = z.strictObject({ restaurantId, productId });
export const mediaRefSchema = z.strictObject({ restaurantId, productId, mediaId });

export const updateMediaAltSchema = z.strictObject({
  restaurantId,
  productId,
  mediaId,
  altText: z.string().trim().max(ALT_TEXT_MAX, `Describe the photo in at most ${ALT_TEXT_MAX} characters`),
});

export const reorderMediaSchema = z.strictObject({
  restaurantId,
  productId,
  mediaIds: z
    .array(mediaId)
    .min(1, "List the photos and videos in their new order")
    .max(100, "At most 100 photos and videos at once")
    .refine((ids) => new Set(ids).size === ids.length, "Each photo or video may appear only once"),
});
