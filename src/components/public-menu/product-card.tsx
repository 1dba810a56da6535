import clsx from "clsx";
import { Box } from "lucide-react";
import { AllergenChips } from "./allergen-icons";
import { DishTags } from "./dish-tags";
import { photosOf, type MenuProduct } from "./menu-product";
import { ModelButtons } from "./model-buttons";
import { ProductDetailsButton } from "./product-details-button";
import { SoldOutBadge } from "./sold-out-badge";

const THUMBNAIL_PX = 112;

/** One dish on the menu; a tap anywhere on it opens its details, its own buttons open the 3D viewer. */
export function ProductCard({ product }: { product: MenuProduct }) {
  const photo = photosOf(product)[0];
  const nameId = `dish-${product.id}`;
  return (
    <article
      aria-labelledby={nameId}
      className="relative flex h-full flex-col gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-stone-200/80 transition-shadow hover:shadow-md sm:p-4"
    >
      <div className="flex gap-3 sm:gap-4">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <h3 id={nameId} className="text-base leading-snug font-semibold text-stone-900">
            <ProductDetailsButton productId={product.id}>{product.name}</ProductDetailsButton>
          </h3>
          {product.description ? <p className="line-clamp-2 text-sm text-pretty text-stone-600">{product.description}</p> : null}
          <p className="mt-auto flex flex-wrap items-center gap-2 pt-1">
            <span className={clsx("font-semibold tabular-nums", product.soldOut ? "text-stone-500" : "text-stone-900")}>{product.price}</span>
            {product.soldOut ? <SoldOutBadge /> : null}
          </p>
        </div>
        {photo ? (
          <div className="relative shrink-0">
            {/* eslint-disable-next-line @next/next/no-img-element -- the provider already serves a 300 px square thumbnail */}
            <img
              src={photo.thumbnailUrl ?? photo.url}
              alt={photo.altText}
              width={THUMBNAIL_PX}
              height={THUMBNAIL_PX}
              loading="lazy"
              decoding="async"
              className={clsx("size-24 rounded-xl bg-stone-100 object-cover sm:size-28", product.soldOut && "opacity-60 grayscale")}
            />
            {product.model ? (
              <span className="absolute right-1.5 bottom-1.5 inline-flex items-center gap-0.5 rounded-full bg-white/95 px-1.5 py-0.5 text-[11px] font-bold text-stone-900 shadow-sm">
                <Box aria-hidden className="size-3" />
                3D
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
      {product.dietaryTags.length > 0 || product.spiceLevel > 0 || product.allergens.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5">
          <DishTags dietaryTags={product.dietaryTags} spiceLevel={product.spiceLevel} />
          <AllergenChips allergens={product.allergens} />
        </div>
      ) : null}
      {/* Above the stretched details button, so these taps open the viewer instead. */}
      {product.model ? <ModelButtons productId={product.id} className="relative z-10" /> : null}
    </article>
  );
}
