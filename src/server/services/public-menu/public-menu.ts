import type { Allergen, DietaryTag, MediaKind } from "~/generated/prisma/enums";
import type { BoundingBoxCm } from "~/lib/model-size";
import type { Db } from "~/server/db-client";
import { DEFAULT_SIGNED_URL_SECONDS, type ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { accessInclude, restaurantAccess } from "~/server/services/billing/restaurant-access";

export type PublicMedia = {
  kind: MediaKind;
  url: string;
  thumbnailUrl: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  altText: string;
};

/** A product's optimised model, shown once one exists (READY, or a rescale still working on the next copy). */
export type PublicModel = {
  /** Signed for 7 days; the page that embeds it is never cached for longer than a day (see MENU_MAX_AGE_SECONDS). */
  url: string;
  size: BoundingBoxCm | null;
};

export type PublicProduct = {
  id: string;
  name: string;
  description: string;
  priceMinor: number;
  soldOut: boolean;
  dietaryTags: DietaryTag[];
  allergens: Allergen[];
  spiceLevel: number;
  calories: number | null;
  portionSize: string | null;
  media: PublicMedia[];
  model: PublicModel | null;
};

export type PublicCategory = { id: string; name: string; products: PublicProduct[] };

export type PublicMenu = {
  restaurant: {
    id: string;
    name: string;
    slug: string;
    description: string;
    address: string;
    city: string;
    phone: string;
    currency: string;
    logoUrl: string | null;
  };
  /** Only categories with something to show, in the owner's order; hidden products are absent. */
  categories: PublicCategory[];
  /** When access runs out if nothing changes (ISO 8601; the menu is cached as JSON); a cached page must not outlive it. */
  liveUntil: string | null;
};

/** A cached menu page is rebuilt at least this often, well within the 7 days its model URLs stay valid. */
export const MENU_MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * The menu customers see at /m/<slug>, or null when it is not live (unknown slug, not approved, no access): the
 * caller shows the same not-found page for all of these, so nothing about a hidden menu leaks. Four queries: the
 * restaurant, its subscription, its categories and its products.
 */
export async function getPublicMenu(db: Db, storage: ModelStorage, slug: string, now: Date): Promise<PublicMenu | null> {
  const restaurant = await db.restaurant.findUnique({ where: { slug }, include: accessInclude });
  if (!restaurant) return null;
  const access = restaurantAccess(restaurant, now);
  if (!access.live) return null;

  const [categories, products] = await Promise.all([
    db.category.findMany({ where: { restaurantId: restaurant.id }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    db.product.findMany({
      where: { restaurantId: restaurant.id, availability: { not: "HIDDEN" } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { media: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] }, model: true },
    }),
  ]);

  const byCategory = new Map<string, PublicProduct[]>();
  for (const product of products) {
    const model = product.model;
    const shown: PublicProduct = {
      id: product.id,
      name: product.name,
      description: product.description,
      priceMinor: product.priceMinor,
      soldOut: product.availability === "SOLD_OUT",
      dietaryTags: product.dietaryTags,
      allergens: product.allergens,
      spiceLevel: product.spiceLevel,
      calories: product.calories,
      portionSize: product.portionSize,
      media: product.media.map((media) => ({
        kind: media.kind,
        url: media.url,
        thumbnailUrl: media.thumbnailUrl,
        width: media.width,
        height: media.height,
        durationMs: media.durationMs,
        altText: media.altText,
      })),
      model:
        // A model being rescaled keeps showing its current copy until the new one is ready.
        model?.optimizedKey
          ? {
              url: await storage.signedUrl(model.optimizedKey, { expiresInSeconds: DEFAULT_SIGNED_URL_SECONDS }),
              size:
                model.widthCm !== null && model.heightCm !== null && model.depthCm !== null
                  ? { widthCm: model.widthCm, heightCm: model.heightCm, depthCm: model.depthCm }
                  : null,
            }
          : null,
    };
    const list = byCategory.get(product.categoryId) ?? [];
    list.push(shown);
    byCategory.set(product.categoryId, list);
  }

  return {
    restaurant: {
      id: restaurant.id,
      name: restaurant.name,
      slug: restaurant.slug,
      description: restaurant.description,
      address: restaurant.address,
      city: restaurant.city,
      phone: restaurant.phone,
      currency: restaurant.currency,
      logoUrl: restaurant.logoUrl,
    },
    categories: categories
      .map((category) => ({ id: category.id, name: category.name, products: byCategory.get(category.id) ?? [] }))
      .filter((category) => category.products.length > 0),
    liveUntil: access.until?.toISOString() ?? null,
  };
}
