import { z } from "zod";
import { RESCALE_MAX_CM, RESCALE_MIN_CM } from "~/lib/model-size";

const restaurantId = z.uuid("Unknown restaurant");
const productId = z.uuid("Unknown product");

export const productModelRefSchema = z.strictObject({ restaurantId, productId });

export const rescaleModelSchema = z.strictObject({
  restaurantId,
  productId,
  largestSideCm: z
    .number({ error: "Enter the dish's real size in centimetres" })
    .min(RESCALE_MIN_CM, `The dish must be at least ${RESCALE_MIN_CM} cm across`)
    .max(RESCALE_MAX_CM, `The dish can be at most ${RESCALE_MAX_CM} cm across`),
});
