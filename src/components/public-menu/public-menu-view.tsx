import { formatPrice } from "~/lib/money";
import { menuJsonLd, serializeJsonLd } from "~/lib/menu-json-ld";
import type { PublicMenu } from "~/server/services/public-menu/public-menu";
import { CategoryNav } from "./category-nav";
import { MenuCategorySection } from "./menu-category-section";
import { MenuDialogs } from "./menu-dialogs";
import { MenuFooter } from "./menu-footer";
import { MenuHeader } from "./menu-header";
import type { MenuProduct } from "./menu-product";
import { MenuTracking } from "./menu-tracking";

/** The whole public menu: the same HTML for every guest and table, so it can be cached as it is. */
export function PublicMenuView({ menu, pageUrl }: { menu: PublicMenu; pageUrl: URL | null }) {
  const { restaurant } = menu;
  const categories = menu.categories.map((category) => ({
    id: category.id,
    name: category.name,
    products: category.products.map((product): MenuProduct => ({ ...product, price: formatPrice(product.priceMinor, restaurant.currency) })),
  }));
  return (
    <div className="min-h-dvh bg-stone-50">
      <script
        type="application/ld+json"
        // The one HTML string on the page: serializeJsonLd escapes `<`, so no name can close this element.
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(menuJsonLd(menu, pageUrl)) }}
      />
      <MenuTracking restaurantId={restaurant.id} />
      <MenuHeader restaurant={restaurant} />
      {categories.length > 0 ? <CategoryNav categories={categories.map(({ id, name }) => ({ id, name }))} /> : null}
      <MenuDialogs products={categories.flatMap((category) => category.products)}>
        <main className="mx-auto flex max-w-5xl flex-col gap-10 px-4 pt-6 pb-12 sm:px-6 sm:pt-8">
          {categories.length > 0 ? (
            categories.map((category) => <MenuCategorySection key={category.id} category={category} products={category.products} />)
          ) : (
            <p className="py-16 text-center text-stone-600">The menu is being prepared. Please ask the staff what is cooking today.</p>
          )}
        </main>
      </MenuDialogs>
      <MenuFooter />
    </div>
  );
}
