import { Download } from "lucide-react";
import { buttonClasses } from "~/components/ui/button-styles";
import { qrImageUrl } from "~/components/qr/qr-urls";

type QrDownloadLinksProps = {
  restaurantId: string;
  tableId?: string;
  /** Rows repeat the links, so each names what it downloads for screen readers. */
  describedBy?: string;
};

/** Plain links: the route answers with an attachment, so the browser downloads it without any script. */
export function QrDownloadLinks({ restaurantId, tableId, describedBy }: QrDownloadLinksProps) {
  return (
    <>
      {(["png", "svg"] as const).map((format) => (
        <a
          key={format}
          href={qrImageUrl(restaurantId, format, tableId)}
          download
          aria-describedby={describedBy}
          className={buttonClasses("secondary", "sm")}
        >
          <Download aria-hidden className="size-4" />
          {format.toUpperCase()}
        </a>
      ))}
    </>
  );
}
