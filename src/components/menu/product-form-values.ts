import { z } from "zod";
import { minorToInput } from "~/lib/money";
import { priceInputSchema } from "~/schemas/price";
import { ALLERGENS, availabilitySchema, DIETARY_TAGS, productDetailsSchema } from "~/schemas/menu";
import type { RouterOutputs } from "~/trpc/react";

const SPICE_LEVELS = ["0", "1", "2", "3"] as const;

/**
 * The product form's fields as the browser holds them (all text, radios and checkbox lists), checked with the
 * same rules as the API and turned into its types. The price is parsed in the restaurant's currency.
 */
export function productFormSchema(currency: string) {
  const details = productDetailsSchema.shape;
  return z.object({
    name: details.name,
    description: z.string().trim().max(2000, "Description must be at most 2000 characters"),
    price: priceInputSchema(currency),
    categoryId: z.uuid("Choose a category"),
    availability: availabilitySchema,
    dietaryTags: z.array(z.enum(DIETARY_TAGS)),
    spiceLevel: z.enum(SPICE_LEVELS, { error: "Choose a spice level" }).transform(Number),
    allergens: z.array(z.enum(ALLERGENS)),
    calories: z
      .string()
      .trim()
      .refine((text) => text === "" || /^\d+$/.test(text), "Calories must be a whole number")
      .transform((text) => (text === "" ? null : Number(text)))
      .pipe(details.calories.unwrap()),
    portionSize: z
      .string()
      .trim()
      .max(60, "Portion size must be at most 60 characters")
      .transform((text) => text || null),
  });
}

export type ProductFormValues = z.input<ReturnType<typeof productFormSchema>>;
export type ProductFieldName = keyof ProductFormValues;

export const PRODUCT_FORM_FIELDS = [
  "name",
  "description",
  "price",
  "categoryId",
  "availability",
  "dietaryTags",
  "spiceLevel",
  "allergens",
  "calories",
  "portionSize",
] as const satisfies readonly ProductFieldName[];

export function emptyProductValues(categoryId: string): ProductFormValues {
  return {
    name: "",
    description: "",
    price: "",
    categoryId,
    availability: "AVAILABLE",
    dietaryTags: [],
    spiceLevel: "0",
    allergens: [],
    calories: "",
    portionSize: "",
  };
}

type StoredProduct = RouterOutputs["menu"]["products"]["byId"];

export function productFormValues(product: StoredProduct, currency: string): ProductFormValues {
  return {
    name: product.name,
    description: product.description,
    price: minorToInput(product.priceMinor, currency),
    categoryId: product.categoryId,
    availability: product.availability,
    dietaryTags: product.dietaryTags,
    spiceLevel: SPICE_LEVELS[product.spiceLevel] ?? "0",
    allergens: product.allergens,
    calories: product.calories === null ? "" : String(product.calories),
    portionSize: product.portionSize ?? "",
  };
}
