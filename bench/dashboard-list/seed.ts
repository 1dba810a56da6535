import type { Db } from "../../src/server/db-client";

// One owner with one approved restaurant whose menu is large for a real restaurant: 500 products in 8 categories,
// most with photos (a video now and then) and one in five with a 3D model, so every relation the dashboard's
// product list reads has rows to read, and paging has to find its page among 500.

export const PRODUCTS = 500;
const CATEGORIES = ["Starters", "Soups", "Grills", "Curries", "Rice", "Breads", "Desserts", "Drinks"];
const TAGS = [[], ["VEGETARIAN"], ["HALAL"], ["VEGAN", "GLUTEN_FREE"], ["HALAL", "GLUTEN_FREE"]] as const;
const AVAILABILITY = ["AVAILABLE", "AVAILABLE", "AVAILABLE", "AVAILABLE", "SOLD_OUT", "HIDDEN"] as const;

export type SeededOwner = { userId: string; restaurantId: string; media: number; models: number };

export async function seedOwnerWithLargeMenu(db: Db, now: Date): Promise<SeededOwner> {
  const email = "bench-dashboard@foodar.local";
  const owner = await db.user.create({ data: { authProvider: "LOCAL", authUserId: email, email, name: "Dashboard Bench" } });
  const restaurant = await db.restaurant.create({
    data: {
      ownerId: owner.id,
      name: "Dashboard Bench Kitchen",
      slug: "dashboard-bench-kitchen",
      reviewState: "APPROVED",
      submittedAt: now,
      reviewedAt: now,
      trialStartsAt: now,
      trialEndsAt: new Date(now.getTime() + 7 * 86_400_000),
    },
  });
  const categories = await db.category.createManyAndReturn({
    data: CATEGORIES.map((name, index) => ({ restaurantId: restaurant.id, name, position: index + 1 })),
    select: { id: true },
  });
  const products = await db.product.createManyAndReturn({
    data: Array.from({ length: PRODUCTS }, (_, index) => ({
      restaurantId: restaurant.id,
      categoryId: categories[index % categories.length]?.id ?? "",
      name: `Dish ${index + 1}`,
      description: "Slow-cooked, served with fresh naan and a side of raita.",
      priceMinor: 45_000 + (index % 40) * 2_500,
      availability: AVAILABILITY[index % AVAILABILITY.length],
      dietaryTags: [...(TAGS[index % TAGS.length] ?? [])],
      spiceLevel: index % 4,
      position: Math.floor(index / categories.length) + 1,
    })),
    select: { id: true },
  });
  // 0 to 3 media a product (1.5 on average), the first a photo; counted per category's round, so every category,
  // and so every page, has products with none and with several.
  const media = products.flatMap((product, index) =>
    Array.from({ length: Math.floor(index / categories.length) % 4 }, (_, position) => ({
      productId: product.id,
      kind: position === 2 ? ("VIDEO" as const) : ("IMAGE" as const),
      provider: "LOCAL" as const,
      providerKey: `bench/${product.id}/${position}`,
      url: `/api/files/media/bench/${product.id}/${position}.webp`,
      thumbnailUrl: `/api/files/media/bench/${product.id}/${position}-thumb.webp`,
      width: 1600,
      height: 1200,
      bytes: 180_000,
      altText: `Photo ${position + 1}`,
      position: position + 1,
    })),
  );
  await db.productMedia.createMany({ data: media });
  const models = products.filter((_, index) => index % 5 === 0);
  await db.model3D.createMany({
    data: models.map((product) => ({
      productId: product.id,
      storageProvider: "LOCAL" as const,
      originalKey: `bench/${product.id}/original.glb`,
      optimizedKey: `bench/${product.id}/optimized.glb`,
      originalBytes: 4_000_000,
      optimizedBytes: 900_000,
      status: "READY" as const,
    })),
  });
  return { userId: owner.id, restaurantId: restaurant.id, media: media.length, models: models.length };
}
