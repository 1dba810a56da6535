import clsx from "clsx";
import { qrImageUrl } from "~/components/qr/qr-urls";

type QrImageProps = { restaurantId: string; tableId?: string; alt: string; className?: string };

/** The SVG the download serves, so what the owner sees is exactly what prints. */
export function QrImage({ restaurantId, tableId, alt, className }: QrImageProps) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route, not an image to optimise
    <img
      src={qrImageUrl(restaurantId, "svg", tableId)}
      alt={alt}
      width={256}
      height={256}
      className={clsx("aspect-square rounded-lg border border-stone-200 bg-white", className)}
    />
  );
}
