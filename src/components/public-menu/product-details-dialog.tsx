"use client";

import { useId } from "react";
import { AllergenList } from "./allergen-icons";
import { DishTags } from "./dish-tags";
import { ModelButtons } from "./model-buttons";
import { photosOf, videosOf, type MenuProduct } from "./menu-product";
import { CloseButton, SheetDialog } from "./sheet-dialog";
import { SoldOutBadge } from "./sold-out-badge";

type ProductDetailsDialogProps = {
  product: MenuProduct | null;
  onClose: () => void;
};

/** Everything about one dish: its photos and videos, description, allergens and the rest. */
export function ProductDetailsDialog({ product, onClose }: ProductDetailsDialogProps) {
  const titleId = useId();
  return (
    <SheetDialog open={product !== null} labelledBy={titleId} onClose={onClose} variant="sheet">
      {product ? <ProductDetails key={product.id} product={product} titleId={titleId} onClose={onClose} /> : null}
    </SheetDialog>
  );
}

function ProductDetails({ product, titleId, onClose }: ProductDetailsDialogProps & { product: MenuProduct; titleId: string }) {
  const photos = photosOf(product);
  const videos = videosOf(product);
  const facts = [
    product.portionSize ? { label: "Portion", value: product.portionSize } : null,
    product.calories !== null ? { label: "Energy", value: `${product.calories.toLocaleString("en")} kcal` } : null,
  ].filter((fact) => fact !== null);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <CloseButton onClose={onClose} className="absolute top-3 right-3 z-10" />
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
        {photos.length > 0 ? <PhotoStrip photos={photos} /> : <div className="h-14" aria-hidden />}
        <div className="flex flex-col gap-5 px-5 pt-5 pb-8 sm:px-7">
          <div>
            <h2 id={titleId} className="font-serif text-2xl leading-tight font-bold text-balance text-stone-900">
              {product.name}
            </h2>
            <p className="mt-2 flex flex-wrap items-center gap-2">
              <span className="text-lg font-semibold text-stone-900 tabular-nums">{product.price}</span>
              {product.soldOut ? <SoldOutBadge /> : null}
            </p>
          </div>
          {product.description ? <p className="whitespace-pre-line text-pretty text-stone-700">{product.description}</p> : null}
          <DishTags dietaryTags={product.dietaryTags} spiceLevel={product.spiceLevel} />
          {product.model ? <ModelButtons productId={product.id} /> : null}
          {facts.length > 0 ? (
            <dl className="grid grid-cols-2 gap-3">
              {facts.map((fact) => (
                <div key={fact.label} className="rounded-xl bg-stone-50 px-3 py-2 ring-1 ring-stone-200">
                  <dt className="text-xs font-medium tracking-wide text-stone-500 uppercase">{fact.label}</dt>
                  <dd className="mt-0.5 font-medium text-stone-900">{fact.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <section aria-labelledby={`${titleId}-allergens`}>
            <h3 id={`${titleId}-allergens`} className="mb-2 text-sm font-semibold tracking-wide text-stone-500 uppercase">
              Allergens
            </h3>
            {product.allergens.length > 0 ? (
              <AllergenList allergens={product.allergens} />
            ) : (
              <p className="text-sm text-stone-600">None listed by the restaurant. If you have an allergy, please ask the staff.</p>
            )}
          </section>
          {videos.map((video, index) => (
            <video
              key={video.url}
              // Without a poster (the local driver makes none) iOS Safari paints the first frame only when told
              // where to start: a media fragment just past 0.
              src={video.thumbnailUrl ? video.url : `${video.url}#t=0.001`}
              poster={video.thumbnailUrl ?? undefined}
              controls
              playsInline
              preload="metadata"
              width={video.width ?? undefined}
              height={video.height ?? undefined}
              aria-label={video.altText || `Video ${index + 1} of ${product.name}`}
              className="aspect-video w-full rounded-2xl bg-stone-900 object-contain"
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function PhotoStrip({ photos }: { photos: MenuProduct["media"] }) {
  return (
    <div className="relative">
      <ul aria-label="Photos" className="flex snap-x snap-mandatory overflow-x-auto [scrollbar-width:none]">
        {photos.map((photo, index) => (
          <li key={photo.url} className="w-full shrink-0 snap-center">
            {/* eslint-disable-next-line @next/next/no-img-element -- root-relative and Cloudinary URLs alike, sized by the server */}
            <img
              src={photo.url}
              alt={photo.altText}
              width={photo.width ?? 1200}
              height={photo.height ?? 900}
              loading={index === 0 ? "eager" : "lazy"}
              decoding="async"
              className="aspect-[4/3] w-full bg-stone-100 object-cover"
            />
          </li>
        ))}
      </ul>
      {photos.length > 1 ? (
        <p className="pointer-events-none absolute bottom-3 left-3 rounded-full bg-stone-950/60 px-2.5 py-1 text-xs font-medium text-white">
          {photos.length} photos · swipe
        </p>
      ) : null}
    </div>
  );
}
