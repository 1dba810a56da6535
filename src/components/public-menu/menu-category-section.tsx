import type { PublicCategory } from "~/server/services/public-menu/public-menu";
import { categorySectionId } from "./category-anchor";
import type { MenuProduct } from "./menu-product";
import { ProductCard } from "./product-card";

type MenuCategorySectionProps = { category: Pick<PublicCategory, "id" | "name">; products: MenuProduct[] };

export function MenuCategorySection({ category, products }: MenuCategorySectionProps) {
  const headingId = `${categorySectionId(category.id)}-heading`;
  return (
    // scroll-mt keeps the heading clear of the sticky category nav when a link jumps here.
    <section id={categorySectionId(category.id)} data-category-id={category.id} aria-labelledby={headingId} className="scroll-mt-16">
      <h2 id={headingId} tabIndex={-1} className="mb-4 font-serif text-2xl font-bold tracking-tight text-stone-900 focus:outline-none sm:text-3xl">
        {category.name}
      </h2>
      <ul className="grid gap-3 sm:gap-4 md:grid-cols-2">
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} />
          </li>
        ))}
      </ul>
    </section>
  );
}
