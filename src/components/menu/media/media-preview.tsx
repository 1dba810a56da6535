import type { ProductMedia } from "~/components/menu/media/media-types";

/** The photo itself, or the video with the browser's controls; only the metadata loads until it is played. */
export function MediaPreview({ media }: { media: ProductMedia }) {
  const className = "size-24 shrink-0 rounded-lg bg-stone-100 object-cover sm:size-28";
  if (media.kind === "VIDEO") {
    return (
      <video
        // Without a poster (the local driver makes none) browsers show the first frame, except iOS Safari, which
        // shows an empty box unless told where to start: a media fragment just past 0 makes it paint that frame.
        src={media.thumbnailUrl ? media.url : `${media.url}#t=0.001`}
        poster={media.thumbnailUrl ?? undefined}
        controls
        preload="metadata"
        aria-label={media.altText || "Video without a description"}
        className={className}
      />
    );
  }
  return (
    // The provider already serves resized WebP from hosts next/image is not configured for.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={media.thumbnailUrl ?? media.url}
      alt={media.altText ?? ""}
      width={media.width ?? undefined}
      height={media.height ?? undefined}
      loading="lazy"
      className={className}
    />
  );
}
