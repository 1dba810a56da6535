import { QrCode } from "lucide-react";
import { menuUrl } from "~/lib/menu-url";
import { QrDownloadLinks } from "~/components/qr/qr-download-links";
import { QrImage } from "~/components/qr/qr-image";
import type { QrRestaurant } from "~/components/qr/qr-types";
import { Card } from "~/components/ui/card";

/** The code of the menu itself, for the door, the window or a flyer: views from it count as "no table". */
export function RestaurantQrCard({ restaurant, menuBaseUrl }: { restaurant: QrRestaurant; menuBaseUrl: string }) {
  const url = menuUrl(menuBaseUrl, restaurant.slug);
  return (
    <Card className="p-4 sm:p-5">
      <section aria-labelledby="restaurant-qr-title" className="flex flex-col gap-4">
        <div>
          <h2 id="restaurant-qr-title" className="flex items-center gap-2 text-base font-semibold text-stone-900">
            <QrCode aria-hidden className="size-5 text-brand-700" />
            Your menu&apos;s code
          </h2>
          <p className="mt-1 text-sm text-stone-600">For the door, the window or a flyer. It opens the menu without a table.</p>
        </div>
        <QrImage restaurantId={restaurant.id} alt={`QR code for ${url}`} className="mx-auto w-full max-w-56" />
        <p className="text-center font-mono text-xs break-all text-stone-600">{url}</p>
        <div className="flex flex-wrap justify-center gap-2">
          <QrDownloadLinks restaurantId={restaurant.id} />
        </div>
      </section>
    </Card>
  );
}
