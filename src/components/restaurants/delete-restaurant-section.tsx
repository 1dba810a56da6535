"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { DialogActions } from "~/components/menu/dialog-actions";
import { serverErrorData } from "~/components/menu/server-error-data";
import { Button } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";
import { ModalDialog } from "~/components/ui/modal-dialog";

type DeleteRestaurantSectionProps = { restaurantId: string; name: string };

/** The danger zone of the settings page: deleting takes the menu, its photos, videos and 3D models with it. */
export function DeleteRestaurantSection({ restaurantId, name }: DeleteRestaurantSectionProps) {
  const router = useRouter();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = api.restaurants.delete.useMutation({
    onSuccess: () => {
      toast.success(`${name} was deleted`);
      router.replace("/dashboard");
      router.refresh();
    },
    onError: (error) => {
      if (!serverErrorData(error)?.fieldErrors?.confirmName) toast.error(error.message);
    },
  });
  const fieldError = serverErrorData(remove.error)?.fieldErrors?.confirmName?.[0];
  const close = () => {
    setOpen(false);
    setTyped("");
    remove.reset();
  };

  return (
    <section aria-labelledby="delete-restaurant-title" className="rounded-xl border border-red-200 bg-red-50/60 p-5 sm:p-6">
      <h2 id="delete-restaurant-title" className="text-base font-semibold text-red-900">
        Delete this restaurant
      </h2>
      <p className="mt-1 text-sm text-red-900/80">
        The menu page goes offline and every category, dish, photo, video and 3D model is removed. This cannot be undone.
      </p>
      <Button variant="danger" className="mt-4" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden className="size-4" />
        Delete restaurant
      </Button>
      <ModalDialog
        open={open}
        title={`Delete ${name}?`}
        description="Its menu, photos, videos and 3D models are deleted for good."
        pending={remove.isPending}
        onClose={close}
      >
        <form
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate({ restaurantId, confirmName: typed });
          }}
        >
          <Field id={inputId} label={`Type "${name}" to confirm`} error={fieldError}>
            {(control) => (
              <input
                {...control}
                className={inputClasses(Boolean(fieldError))}
                value={typed}
                autoComplete="off"
                onChange={(event) => setTyped(event.target.value)}
              />
            )}
          </Field>
          <DialogActions pending={remove.isPending} onCancel={close} />
        </form>
      </ModalDialog>
    </section>
  );
}
