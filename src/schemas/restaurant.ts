import { z } from "zod";
import { isReservedSlug, SLUG_MAX, SLUG_MIN, SLUG_PATTERN } from "~/lib/slug";
import { pagingDirectionSchema } from "~/schemas/paging";

export const RESTAURANT_NAME_MAX = 120;
export const REVIEW_REASON_MAX = 1000;

export const restaurantNameSchema = z
  .string({ error: "Name is required" })
  .trim()
  .min(2, "Name must be at least 2 characters")
  .max(RESTAURANT_NAME_MAX, `Name must be at most ${RESTAURANT_NAME_MAX} characters`);

export const slugSchema = z
  .string({ error: "Slug must be text" })
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, `Slug must be at least ${SLUG_MIN} characters`)
  .max(SLUG_MAX, `Slug must be at most ${SLUG_MAX} characters`)
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens (e.g. karachi-grill)")
  .refine((slug) => !isReservedSlug(slug), "This address is reserved; choose another");

const currencies = new Set(Intl.supportedValuesOf("currency"));

export const restaurantDetailsSchema = z.strictObject({
  name: restaurantNameSchema,
  description: z.string().trim().max(2000, "Description must be at most 2000 characters").default(""),
  address: z.string().trim().max(200, "Address must be at most 200 characters").default(""),
  city: z.string().trim().max(80, "City must be at most 80 characters").default(""),
  phone: z
    .string()
    .trim()
    .max(32, "Phone must be at most 32 characters")
    .regex(/^(\+?[0-9(][0-9 ()-]{5,30})?$/, "Use digits, spaces, dashes, brackets and an optional leading + (e.g. +92 300 1234567)")
    .default(""),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => currencies.has(code), "Use a three-letter ISO currency code, e.g. PKR")
    .default("PKR"),
});

export const createRestaurantSchema = restaurantDetailsSchema.extend({
  slug: slugSchema.optional(),
});
export type CreateRestaurantInput = z.input<typeof createRestaurantSchema>;

export const restaurantIdSchema = z.strictObject({ restaurantId: z.uuid("Unknown restaurant") });

export const updateRestaurantSchema = restaurantDetailsSchema.extend({
  restaurantId: z.uuid("Unknown restaurant"),
  slug: slugSchema,
});
export type UpdateRestaurantInput = z.input<typeof updateRestaurantSchema>;

export const reviewReasonSchema = z
  .string({ error: "A reason is required" })
  .trim()
  .min(3, "Give the owner a reason of at least 3 characters")
  .max(REVIEW_REASON_MAX, `Reason must be at most ${REVIEW_REASON_MAX} characters`);

export const reviewDecisionSchema = z.strictObject({
  restaurantId: z.uuid("Unknown restaurant"),
  reason: reviewReasonSchema,
});

export const reviewStateSchema = z.enum(["DRAFT", "PENDING", "APPROVED", "REJECTED", "SUSPENDED"]);

export const adminRestaurantListSchema = z.strictObject({
  state: reviewStateSchema.optional(),
  search: z.string().trim().max(120).optional(),
  cursor: z.uuid().optional(),
  direction: pagingDirectionSchema,
  limit: z.number().int().min(1).max(100).default(50),
});

export const deleteRestaurantSchema = z.strictObject({
  restaurantId: z.uuid("Unknown restaurant"),
  confirmName: z.string({ error: "Type the restaurant's name to confirm" }).trim().min(1, "Type the restaurant's name to confirm"),
});
