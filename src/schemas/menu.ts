import { z } from "zod";
import { pagingDirectionSchema } from "~/schemas/paging";
import { minorPriceSchema } from "~/schemas/price";

export const AVAILABILITIES = ["AVAILABLE", "SOLD_OUT", "HIDDEN"] as const;
export const DIETARY_TAGS = ["VEGETARIAN", "VEGAN", "HALAL", "GLUTEN_FREE"] as const;
export const ALLERGENS = [
  "CELERY", "GLUTEN", "CRUSTACEANS", "EGGS", "FISH", "LUPIN", "MILK",
  "MOLLUSCS", "MUSTARD", "TREE_NUTS", "PEANUTS", "SESAME", "SOYBEANS", "SULPHITES",
] as const;

export const CATEGORY_NAME_MAX = 80;
export const PRODUCT_NAME_MAX = 120;
export const MENU_PAGE_MAX = 100;

const restaurantId = z.uuid("Unknown restaurant");
const categoryId = z.uuid("Unknown category");
const productId = z.uuid("Unknown product");

export const availabilitySchema = z.enum(AVAILABILITIES, { error: "Choose available, sold out or hidden" });

export const categoryNameSchema = z
  .string({ error: "Name is required" })
  .trim()
  .min(1, "Name is required")
  .max(CATEGORY_NAME_MAX, `Name must be at most ${CATEGORY_NAME_MAX} characters`);

export const createCategorySchema = z.strictObject({ restaurantId, name: categoryNameSchema });
export const renameCategorySchema = z.strictObject({ restaurantId, categoryId, name: categoryNameSchema });

/** A category that still has products says what happens to them: moved to another category, or deleted. */
export const deleteCategorySchema = z.strictObject({
  restaurantId,
  categoryId,
  products: z
    .discriminatedUnion("action", [
      z.strictObject({ action: z.literal("move"), toCategoryId: categoryId }),
      z.strictObject({ action: z.literal("delete") }),
    ])
    .optional(),
});

const orderedIds = (id: z.ZodUUID, what: string) =>
  z
    .array(id)
    .min(1, `List the ${what} in their new order`)
    .max(1000, `At most 1000 ${what} at once`)
    .refine((ids) => new Set(ids).size === ids.length, `Each of the ${what} may appear only once`);

export const reorderCategoriesSchema = z.strictObject({ restaurantId, categoryIds: orderedIds(categoryId, "categories") });

export const productDetailsSchema = z.strictObject({
  name: z
    .string({ error: "Name is required" })
    .trim()
    .min(1, "Name is required")
    .max(PRODUCT_NAME_MAX, `Name must be at most ${PRODUCT_NAME_MAX} characters`),
  description: z.string().trim().max(2000, "Description must be at most 2000 characters").default(""),
  priceMinor: minorPriceSchema,
  availability: availabilitySchema.default("AVAILABLE"),
  dietaryTags: z
    .array(z.enum(DIETARY_TAGS, { error: "Unknown dietary tag" }))
    .max(DIETARY_TAGS.length)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  spiceLevel: z.number().int().min(0, "Spice level is 0 to 3").max(3, "Spice level is 0 to 3").default(0),
  allergens: z
    .array(z.enum(ALLERGENS, { error: "Unknown allergen" }))
    .max(ALLERGENS.length)
    .default([])
    .transform((allergens) => [...new Set(allergens)]),
  calories: z.number().int("Calories must be a whole number").min(0).max(20_000, "Calories must be at most 20000").nullable().default(null),
  portionSize: z.string().trim().max(60, "Portion size must be at most 60 characters").nullable().default(null),
});

export const createProductSchema = productDetailsSchema.extend({ restaurantId, categoryId });
/** The category may change with the details; the product then goes to the end of its new category. */
export const updateProductSchema = productDetailsSchema.extend({ restaurantId, productId, categoryId: categoryId.optional() });
export const productRefSchema = z.strictObject({ restaurantId, productId });
export const moveProductSchema = z.strictObject({ restaurantId, productId, toCategoryId: categoryId });
export const reorderProductsSchema = z.strictObject({ restaurantId, categoryId, productIds: orderedIds(productId, "products") });
export const setAvailabilitySchema = z.strictObject({
  restaurantId,
  productIds: z.array(productId).min(1, "Select at least one product").max(500, "At most 500 products at once"),
  availability: availabilitySchema,
});

export const listProductsSchema = z.strictObject({
  restaurantId,
  search: z.string().trim().max(120).optional(),
  categoryId: categoryId.optional(),
  availability: availabilitySchema.optional(),
  dietaryTag: z.enum(DIETARY_TAGS).optional(),
  cursor: productId.optional(),
  limit: z.number().int().min(1).max(MENU_PAGE_MAX).default(50),
  direction: pagingDirectionSchema,
});
