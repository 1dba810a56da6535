"use client";

import { toast } from "sonner";
import { api } from "~/trpc/react";
import { DialogActions } from "~/components/menu/dialog-actions";
import { ModalDialog } from "~/components/ui/modal-dialog";
import type { MediaTarget, ProductMedia } from "~/components/menu/media/media-types";

type RemoveMediaDialogProps = { target: MediaTarget; media: ProductMedia | null; onClose: () => void };

export function RemoveMediaDialog({ target, media, onClose }: RemoveMediaDialogProps) {
  const utils = api.useUtils();
  const what = media?.kind === "VIDEO" ? "video" : "photo";
  const remove = api.menu.media.delete.useMutation({
    onSuccess: async () => {
      toast.success(`The ${what} was removed`);
      // Products carry their first photo or video, so the menu list changes too.
      await Promise.all([
        utils.menu.media.list.invalidate({ restaurantId: target.restaurantId, productId: target.productId }),
        utils.menu.products.invalidate(),
      ]);
      onClose();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <ModalDialog
      open={media !== null}
      title={`Remove this ${what}?`}
      description="Guests will no longer see it. This cannot be undone."
      pending={remove.isPending}
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (media) remove.mutate({ restaurantId: target.restaurantId, productId: target.productId, mediaId: media.id });
        }}
      >
        <DialogActions pending={remove.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
