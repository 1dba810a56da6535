"use client";

import { toast } from "sonner";
import { api } from "~/trpc/react";
import { DialogActions } from "~/components/menu/dialog-actions";
import type { RestaurantTable } from "~/components/qr/qr-types";
import { ModalDialog } from "~/components/ui/modal-dialog";

type DeleteTableDialogProps = {
  restaurantId: string;
  /** The table to delete; null keeps the dialog closed. */
  table: RestaurantTable | null;
  onClose: () => void;
};

export function DeleteTableDialog({ restaurantId, table, onClose }: DeleteTableDialogProps) {
  const utils = api.useUtils();
  const remove = api.tables.delete.useMutation({
    onSuccess: async (deleted) => {
      toast.success(`${deleted.label} was deleted`);
      await utils.tables.list.invalidate({ restaurantId });
      onClose();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <ModalDialog
      open={table !== null}
      title={`Delete ${table?.label ?? "table"}?`}
      description="Its printed QR codes will still open the menu, but their views will no longer be counted for this table."
      pending={remove.isPending}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    >
      {table ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate({ restaurantId, tableId: table.id });
          }}
        >
          <DialogActions pending={remove.isPending} onCancel={onClose} />
        </form>
      ) : null}
    </ModalDialog>
  );
}
