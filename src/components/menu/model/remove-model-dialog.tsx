"use client";

import { toast } from "sonner";
import { api } from "~/trpc/react";
import { DialogActions } from "~/components/menu/dialog-actions";
import type { ModelTarget } from "~/components/menu/model/model-types";
import { ModalDialog } from "~/components/ui/modal-dialog";

type RemoveModelDialogProps = { target: ModelTarget; open: boolean; onClose: () => void };

export function RemoveModelDialog({ target, open, onClose }: RemoveModelDialogProps) {
  const { restaurantId, productId } = target;
  const utils = api.useUtils();
  const remove = api.menu.models.remove.useMutation({
    onSuccess: () => {
      toast.success("The 3D model was removed");
      utils.menu.models.get.setData({ restaurantId, productId }, null);
      onClose();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <ModalDialog
      open={open}
      title="Remove the 3D model?"
      description="Guests will no longer see this dish in 3D or on their table in AR. This cannot be undone."
      pending={remove.isPending}
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate({ restaurantId, productId });
        }}
      >
        <DialogActions pending={remove.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
