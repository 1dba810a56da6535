import { describe, expect, it } from "vitest";
import { menuJsonLd, serializeJsonLd } from "~/lib/menu-json-ld";
import type { PublicMenu, PublicProduct } from "~/server/services/public-menu/public-menu";

function product(overrides: Partial<PublicProduct>): PublicProduct {
  return {
    id: "8a7f2f0e-5d1b-4c53-9a57-0d6b1a1f7c01",
    name: "Seekh Kebab",
    description: "Minced beef skewers.",
    priceMinor: 125050,
    soldOut: false,
    dietaryTags: [],
    allergens: [],
    spiceLevel: 0,
    calories: null,
    portionSize: null,
    media: [],
    model: null,
    ...overrides,
  };
}

function menu(products: PublicProduct[]): PublicMenu {
  return {
    restaurant: {
      id: "1d7c1c35-4d0e-4f55-b1cf-4d37e5b0c001",
      name: "Karachi Grill",
      slug: "karachi-grill",
      description: "Charcoal grills.",
      address: "12 Zamzama Blvd",
      city: "Karachi",
      phone: "+92 300 1234567",
      currency: "PKR",
      logoUrl: null,
    },
    categories: [{ id: "c1", name: "From the grill", products }],
    liveUntil: null,
  };
}

describe("menuJsonLd", () => {
  it("nests Restaurant → Menu → MenuSection → MenuItem with an Offer priced as a decimal string", () => {
    const ld = menuJsonLd(menu([product({ dietaryTags: ["HALAL", "VEGAN"], calories: 540 })]), new URL("https://foodar.example/m/karachi-grill"));
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Restaurant",
      name: "Karachi Grill",
      url: "https://foodar.example/m/karachi-grill",
      address: { "@type": "PostalAddress", streetAddress: "12 Zamzama Blvd", addressLocality: "Karachi" },
      hasMenu: {
        "@type": "Menu",
        hasMenuSection: [
          {
            "@type": "MenuSection",
            name: "From the grill",
            hasMenuItem: [
              {
                "@type": "MenuItem",
                name: "Seekh Kebab",
                suitableForDiet: ["https://schema.org/HalalDiet", "https://schema.org/VeganDiet"],
                nutrition: { "@type": "NutritionInformation", calories: "540 calories" },
                offers: { "@type": "Offer", price: "1250.50", priceCurrency: "PKR", availability: "https://schema.org/InStock" },
              },
            ],
          },
        ],
      },
    });
  });

  it("marks sold-out dishes and makes root-relative photos absolute only when the site's origin is known", () => {
    const photo = { kind: "IMAGE" as const, url: "/api/files/media/r/p.webp", thumbnailUrl: null, width: 1200, height: 900, durationMs: null, altText: "" };
    const withOrigin = menuJsonLd(menu([product({ soldOut: true, media: [photo] })]), new URL("https://foodar.example/m/karachi-grill"));
    const item = (ld: ReturnType<typeof menuJsonLd>) => JSON.parse(JSON.stringify(ld)).hasMenu.hasMenuSection[0].hasMenuItem[0];
    expect(item(withOrigin).image).toBe("https://foodar.example/api/files/media/r/p.webp");
    expect(item(withOrigin).offers.availability).toBe("https://schema.org/SoldOut");
    const withoutOrigin = menuJsonLd(menu([product({ media: [photo] })]), null);
    expect(item(withoutOrigin).image).toBeUndefined();
    expect(withoutOrigin.url).toBeUndefined();
  });

  it("prices currencies without minor units as whole numbers", () => {
    const ld = menuJsonLd({ ...menu([product({ priceMinor: 1200 })]), restaurant: { ...menu([]).restaurant, currency: "JPY" } }, null);
    expect(JSON.parse(JSON.stringify(ld)).hasMenu.hasMenuSection[0].hasMenuItem[0].offers).toMatchObject({ price: "1200", priceCurrency: "JPY" });
  });
});

describe("serializeJsonLd", () => {
  it("cannot be closed from inside: no `<` survives, and the JSON still reads back the same", () => {
    const name = "</script><script>alert(1)</script><!--";
    const text = serializeJsonLd(menuJsonLd(menu([product({ name })]), null));
    expect(text).not.toContain("<");
    expect(JSON.parse(text).hasMenu.hasMenuSection[0].hasMenuItem[0].name).toBe(name);
  });

  it("escapes the line and paragraph separators", () => {
    const text = serializeJsonLd(menuJsonLd(menu([product({ description: "a\u2028b\u2029c" })]), null));
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text).hasMenu.hasMenuSection[0].hasMenuItem[0].description).toBe("a\u2028b\u2029c");
  });
});
