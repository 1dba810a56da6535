import type { Prisma } from "../src/generated/prisma/client";
import type { Allergen, Availability, DietaryTag } from "../src/generated/prisma/enums";

type SeedProduct = {
  name: string;
  description: string;
  /** In rupees; stored in paisa. */
  price: number;
  tags?: DietaryTag[];
  spice?: number;
  allergens?: Allergen[];
  calories?: number;
  portion?: string;
  availability?: Availability;
};

type SeedMenu = Record<string, SeedProduct[]>;

/** Demo menus by restaurant slug, so the dashboard and the public menu have something real to show. */
export const demoMenus: Record<string, SeedMenu> = {
  "karachi-grill": {
    Starters: [
      { name: "Chicken Samosa", description: "Two crisp pastries with spiced chicken and peas.", price: 350, tags: ["HALAL"], spice: 1, allergens: ["GLUTEN"], calories: 320, portion: "2 pieces" },
      { name: "Dahi Baray", description: "Lentil dumplings in sweet yoghurt with tamarind chutney.", price: 420, tags: ["VEGETARIAN", "HALAL"], allergens: ["MILK"], portion: "1 bowl" },
      { name: "Aloo Chaat", description: "Potatoes, chickpeas, onion and chaat masala.", price: 380, tags: ["VEGAN", "HALAL", "GLUTEN_FREE"], spice: 2 },
    ],
    "From the grill": [
      { name: "Seekh Kebab", description: "Minced beef skewers off the charcoal grill, with mint chutney.", price: 1250, tags: ["HALAL"], spice: 2, calories: 540, portion: "4 skewers" },
      { name: "Chicken Tikka", description: "Leg and breast pieces marinated in yoghurt and spices.", price: 1450.5, tags: ["HALAL", "GLUTEN_FREE"], spice: 2, allergens: ["MILK"], portion: "Half chicken" },
      { name: "Malai Boti", description: "Cream-marinated boneless chicken, mild.", price: 1600, tags: ["HALAL"], allergens: ["MILK", "TREE_NUTS"], portion: "8 pieces" },
      { name: "Mutton Chops", description: "Lamb chops with a smoky spice rub.", price: 2900, tags: ["HALAL"], spice: 3, availability: "SOLD_OUT" },
    ],
    Karahi: [
      { name: "Chicken Karahi", description: "Tomato, green chilli and ginger, cooked in the wok.", price: 2200, tags: ["HALAL", "GLUTEN_FREE"], spice: 2, portion: "Half kilo, serves 2" },
      { name: "Mutton Karahi", description: "Slow-cooked lamb in a tomato and black pepper gravy.", price: 3400, tags: ["HALAL", "GLUTEN_FREE"], spice: 2, portion: "Half kilo, serves 2" },
    ],
    Breads: [
      { name: "Tandoori Naan", description: "From the clay oven.", price: 80, tags: ["VEGETARIAN"], allergens: ["GLUTEN", "MILK"] },
      { name: "Garlic Naan", description: "Brushed with garlic butter.", price: 150, tags: ["VEGETARIAN"], allergens: ["GLUTEN", "MILK"] },
    ],
    Drinks: [
      { name: "Sweet Lassi", description: "Chilled yoghurt drink.", price: 300, tags: ["VEGETARIAN", "GLUTEN_FREE"], allergens: ["MILK"] },
      { name: "Mint Margarita", description: "Fresh mint, lemon and soda.", price: 350, tags: ["VEGAN", "GLUTEN_FREE"] },
      { name: "Staff special", description: "Not on the public menu.", price: 0, availability: "HIDDEN" },
    ],
  },
  "islamabad-bistro": {
    Breakfast: [
      { name: "Eggs Benedict", description: "Poached eggs, beef bacon, hollandaise on an English muffin.", price: 1350, tags: ["HALAL"], allergens: ["EGGS", "GLUTEN", "MILK"] },
      { name: "Avocado Toast", description: "Sourdough, smashed avocado, chilli flakes.", price: 1200, tags: ["VEGAN"], allergens: ["GLUTEN", "SESAME"], spice: 1 },
    ],
    Coffee: [
      { name: "Flat White", description: "Double ristretto with steamed milk.", price: 650, tags: ["VEGETARIAN", "GLUTEN_FREE"], allergens: ["MILK"] },
      { name: "Cold Brew", description: "Steeped for 18 hours.", price: 700, tags: ["VEGAN", "GLUTEN_FREE"] },
    ],
  },
};

export function demoMenuRows(restaurantId: string, menu: SeedMenu) {
  const categories: Prisma.CategoryCreateManyInput[] = [];
  const products: Prisma.ProductCreateManyInput[] = [];
  for (const [categoryPosition, [categoryName, items]] of Object.entries(menu).entries()) {
    const categoryId = crypto.randomUUID();
    categories.push({ id: categoryId, restaurantId, name: categoryName, position: categoryPosition });
    for (const [position, item] of items.entries()) {
      products.push({
        restaurantId,
        categoryId,
        name: item.name,
        description: item.description,
        priceMinor: Math.round(item.price * 100),
        availability: item.availability ?? "AVAILABLE",
        dietaryTags: item.tags ?? [],
        spiceLevel: item.spice ?? 0,
        allergens: item.allergens ?? [],
        calories: item.calories ?? null,
        portionSize: item.portion ?? null,
        position,
      });
    }
  }
  return { categories, products };
}
