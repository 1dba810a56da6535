"use client";

import { menuUrl } from "~/lib/menu-url";
import { QrDownloadLinks } from "~/components/qr/qr-download-links";
import { QrImage } from "~/components/qr/qr-image";
import type { RestaurantTable } from "~/components/qr/qr-types";
import { Button } from "~/components/ui/button";
import { ModalDialog } from "~/components/ui/modal-dialog";

type QrPreviewDialogProps = {
  restaurantId: string;
  slug: string;
  menuBaseUrl: string;
  /** The table to show; null keeps the dialog closed. */
  table: RestaurantTable | null;
  onClose: () => void;
};

export function QrPreviewDialog({ restaurantId, slug, menuBaseUrl, table, onClose }: QrPreviewDialogProps) {
  const url = table ? menuUrl(menuBaseUrl, slug, table.code) : "";
  return (
    <ModalDialog
      open={table !== null}
      title={table?.label ?? "QR code"}
      description={<span className="font-mono text-xs break-all">{url}</span>}
      pending={false}
      onClose={onClose}
    >
      {table ? (
        <div className="flex flex-col items-center gap-4">
          <QrImage restaurantId={restaurantId} tableId={table.id} alt={`QR code for ${url}`} className="w-full max-w-72" />
          <div className="flex flex-wrap justify-center gap-2">
            <QrDownloadLinks restaurantId={restaurantId} tableId={table.id} />
            <Button variant="ghost" size="sm" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      ) : null}
    </ModalDialog>
  );
}
