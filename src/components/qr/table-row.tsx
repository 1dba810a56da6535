"use client";

import { useEffect, useRef, useState } from "react";
import { ArrowDown, ArrowUp, Pencil, QrCode, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { IconButton } from "~/components/menu/icon-button";
import { QrDownloadLinks } from "~/components/qr/qr-download-links";
import type { RestaurantTable } from "~/components/qr/qr-types";
import { TableLabelForm } from "~/components/qr/table-label-form";

type TableRowProps = {
  restaurantId: string;
  table: RestaurantTable;
  readOnly: boolean;
  isFirst: boolean;
  isLast: boolean;
  reordering: boolean;
  onMove: (direction: -1 | 1) => void;
  onPreview: () => void;
  onDelete: () => void;
};

export function TableRow({ restaurantId, table, readOnly, isFirst, isLast, reordering, onMove, onPreview, onDelete }: TableRowProps) {
  const utils = api.useUtils();
  const [renaming, setRenaming] = useState(false);
  // Focus goes back to the Rename button when the inline form closes, not to the top of the page.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!renaming && returnFocus.current) {
      returnFocus.current = false;
      document.getElementById(`rename-table-${table.id}`)?.focus();
    }
  }, [renaming, table.id]);

  const rename = api.tables.rename.useMutation({
    onSuccess: async (renamed) => {
      toast.success(`Renamed to ${renamed.label}`, { description: "Its printed QR codes keep working." });
      await utils.tables.list.invalidate({ restaurantId });
    },
  });
  const close = () => {
    returnFocus.current = true;
    setRenaming(false);
  };

  const labelId = `table-${table.id}-label`;
  if (renaming) {
    return (
      <li className="rounded-xl border border-brand-300 bg-brand-50/40 p-3">
        <TableLabelForm
          inputId={`rename-table-input-${table.id}`}
          initialLabel={table.label}
          submitLabel="Save"
          autoFocus
          onCancel={close}
          onSave={async (label) => {
            await rename.mutateAsync({ restaurantId, tableId: table.id, label });
            close();
          }}
        />
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center gap-2 rounded-xl border border-stone-200 bg-white p-3">
      <div className="min-w-32 flex-1">
        <p id={labelId} className="font-semibold break-words text-stone-900">
          {table.label}
        </p>
        <p className="font-mono text-xs text-stone-600">?t={table.code}</p>
      </div>
      <div className="flex max-w-full flex-wrap items-center gap-1">
        <IconButton icon={QrCode} label="Preview QR code" describedBy={labelId} onClick={onPreview} />
        <QrDownloadLinks restaurantId={restaurantId} tableId={table.id} describedBy={labelId} />
        {readOnly ? null : (
          <>
            <IconButton icon={ArrowUp} label="Move up" describedBy={labelId} disabled={isFirst || reordering} onClick={() => onMove(-1)} />
            <IconButton icon={ArrowDown} label="Move down" describedBy={labelId} disabled={isLast || reordering} onClick={() => onMove(1)} />
            <IconButton id={`rename-table-${table.id}`} icon={Pencil} label="Rename" describedBy={labelId} onClick={() => setRenaming(true)} />
            <IconButton icon={Trash2} label="Delete" describedBy={labelId} onClick={onDelete} />
          </>
        )}
      </div>
    </li>
  );
}
