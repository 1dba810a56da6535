import type { DietaryTag } from "~/generated/prisma/enums";
import { minorToInput } from "~/lib/money";
import type { PublicMenu } from "~/server/services/public-menu/public-menu";

// schema.org describes a restaurant's menu as Restaurant → Menu → MenuSection → MenuItem → Offer. Search engines
// and assistants read it; guests never see it.

const DIET: Partial<Record<DietaryTag, string>> = {
  VEGETARIAN: "https://schema.org/VegetarianDiet",
  VEGAN: "https://schema.org/VeganDiet",
  HALAL: "https://schema.org/HalalDiet",
  GLUTEN_FREE: "https://schema.org/GlutenFreeDiet",
};

type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | JsonLd | JsonLdValue[];

/** Drops empty values, so the output only states what the restaurant entered. */
function compact(entries: Record<string, JsonLdValue | null | undefined>): JsonLd {
  const result: JsonLd = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    result[key] = value;
  }
  return result;
}

/**
 * The menu as schema.org JSON-LD. `pageUrl` is the menu's absolute URL when the site's origin is known; media URLs
 * that are root-relative are made absolute against it, and left out without it (JSON-LD wants absolute URLs).
 */
export function menuJsonLd(menu: PublicMenu, pageUrl: URL | null): JsonLd {
  const absolute = (url: string | null | undefined): string | undefined => {
    if (!url) return undefined;
    if (/^https?:\/\//.test(url)) return url;
    return pageUrl ? new URL(url, pageUrl).toString() : undefined;
  };
  const { restaurant } = menu;
  return compact({
    "@context": "https://schema.org",
    "@type": "Restaurant",
    name: restaurant.name,
    description: restaurant.description,
    url: pageUrl?.toString(),
    telephone: restaurant.phone,
    logo: absolute(restaurant.logoUrl),
    address: restaurant.address || restaurant.city ? compact({ "@type": "PostalAddress", streetAddress: restaurant.address, addressLocality: restaurant.city }) : undefined,
    hasMenu: compact({
      "@type": "Menu",
      name: `${restaurant.name} menu`,
      url: pageUrl?.toString(),
      hasMenuSection: menu.categories.map((category) =>
        compact({
          "@type": "MenuSection",
          name: category.name,
          hasMenuItem: category.products.map((product) =>
            compact({
              "@type": "MenuItem",
              name: product.name,
              description: product.description,
              image: absolute(product.media.find((media) => media.kind === "IMAGE")?.url),
              suitableForDiet: product.dietaryTags.map((tag) => DIET[tag]).filter((diet) => diet !== undefined),
              nutrition: product.calories !== null ? { "@type": "NutritionInformation", calories: `${product.calories} calories` } : undefined,
              offers: {
                "@type": "Offer",
                price: minorToInput(product.priceMinor, restaurant.currency),
                priceCurrency: restaurant.currency,
                availability: product.soldOut ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
              },
            }),
          ),
        }),
      ),
    }),
  });
}

/**
 * JSON for an inline <script type="application/ld+json">. JSON.stringify leaves `<` as is, so a dish named
 * `</script><script>…` would end the element and run; as \u003c it is the same JSON string and inert HTML.
 * U+2028/U+2029 are escaped too, for parsers that still treat them as line ends.
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
