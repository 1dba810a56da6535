import { MediaList } from "~/components/menu/media/media-list";
import type { MediaLimits, MediaTarget, ProductMedia } from "~/components/menu/media/media-types";
import { MediaUploader } from "~/components/menu/media/media-uploader";

type ProductMediaSectionProps = { target: MediaTarget; limits: MediaLimits; initialMedia: ProductMedia[] };

/** Saved on its own, apart from the product form: each upload, description and move is stored at once. */
export function ProductMediaSection({ target, limits, initialMedia }: ProductMediaSectionProps) {
  return (
    <section aria-labelledby="product-media-heading" className="flex flex-col gap-4">
      <MediaSectionHeading />
      {target.readOnly ? null : <MediaUploader restaurantId={target.restaurantId} productId={target.productId} limits={limits} />}
      <MediaList target={target} initialMedia={initialMedia} />
    </section>
  );
}

function MediaSectionHeading() {
  return (
    <h2 id="product-media-heading" className="text-lg font-semibold text-stone-900">
      Photos and videos
    </h2>
  );
}

/** On the new-product page: media belong to a product, so there is nothing to attach them to yet. */
export function MediaSaveFirstHint() {
  return (
    <section aria-labelledby="product-media-heading" className="flex flex-col gap-2">
      <MediaSectionHeading />
      <p className="text-sm text-stone-600">Save the product first, then add photos.</p>
    </section>
  );
}
