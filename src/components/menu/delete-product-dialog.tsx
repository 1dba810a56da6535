"use client";

import { toast } from "sonner";
import { api } from "~/trpc/react";
import { DialogActions } from "~/components/menu/dialog-actions";
import { ModalDialog } from "~/components/ui/modal-dialog";
import type { MenuProduct } from "~/components/menu/menu-types";

type DeleteProductDialogProps = { restaurantId: string; product: MenuProduct | null; onDeleted: (productId: string) => void; onClose: () => void };

export function DeleteProductDialog({ restaurantId, product, onDeleted, onClose }: DeleteProductDialogProps) {
  const utils = api.useUtils();
  const remove = api.menu.products.delete.useMutation({
    onSuccess: async (_result, input) => {
      toast.success(`${product?.name ?? "The product"} was deleted`);
      onDeleted(input.productId);
      // Category counts change too.
      await utils.menu.invalidate();
      onClose();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <ModalDialog
      open={product !== null}
      title={`Delete ${product?.name ?? "product"}?`}
      description="Guests will no longer see it. This cannot be undone."
      pending={remove.isPending}
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (product) remove.mutate({ restaurantId, productId: product.id });
        }}
      >
        <DialogActions pending={remove.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
