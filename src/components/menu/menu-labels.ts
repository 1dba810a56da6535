import type { z } from "zod";
import type { ALLERGENS, availabilitySchema, DIETARY_TAGS } from "~/schemas/menu";

export type Availability = z.infer<typeof availabilitySchema>;
export type DietaryTag = (typeof DIETARY_TAGS)[number];
export type Allergen = (typeof ALLERGENS)[number];

// The words owners read; the enum values are for the database and the API only.
export const AVAILABILITY_LABEL: Record<Availability, string> = {
  AVAILABLE: "Available",
  SOLD_OUT: "Sold out",
  HIDDEN: "Hidden",
};

export const AVAILABILITY_HINT: Record<Availability, string> = {
  AVAILABLE: "Guests can see and order it.",
  SOLD_OUT: "Guests see it, marked as sold out.",
  HIDDEN: "Guests do not see it at all.",
};

export const DIETARY_TAG_LABEL: Record<DietaryTag, string> = {
  VEGETARIAN: "Vegetarian",
  VEGAN: "Vegan",
  HALAL: "Halal",
  GLUTEN_FREE: "Gluten-free",
};

/** The 14 allergens of EU regulation 1169/2011, in the words of its annex. */
export const ALLERGEN_LABEL: Record<Allergen, string> = {
  CELERY: "Celery",
  GLUTEN: "Cereals containing gluten",
  CRUSTACEANS: "Crustaceans",
  EGGS: "Eggs",
  FISH: "Fish",
  LUPIN: "Lupin",
  MILK: "Milk",
  MOLLUSCS: "Molluscs",
  MUSTARD: "Mustard",
  TREE_NUTS: "Tree nuts",
  PEANUTS: "Peanuts",
  SESAME: "Sesame",
  SOYBEANS: "Soybeans",
  SULPHITES: "Sulphites",
};

export const SPICE_LEVEL_LABEL = ["Not spicy", "Mild", "Medium", "Hot"] as const;
