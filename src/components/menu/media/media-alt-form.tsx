"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { ALT_TEXT_MAX } from "~/schemas/media";
import { useHydrated } from "~/components/forms/use-hydrated";
import type { MediaTarget, ProductMedia } from "~/components/menu/media/media-types";
import { Button } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";

type MediaAltFormProps = { target: MediaTarget; media: ProductMedia; disabled: boolean };

export function MediaAltForm({ target, media, disabled }: MediaAltFormProps) {
  const inputId = useId();
  const hydrated = useHydrated();
  const utils = api.useUtils();
  const [altText, setAltText] = useState(media.altText ?? "");
  const update = api.menu.media.updateAlt.useMutation({
    onSuccess: async () => {
      toast.success("The description was saved");
      await utils.menu.media.list.invalidate({ restaurantId: target.restaurantId, productId: target.productId });
    },
    onError: (error) => toast.error(error.message),
  });
  // Other failures (the photo was removed meanwhile) are toasted; only a refused description belongs on the field.
  const fieldError = update.error?.data?.fieldErrors?.altText?.[0];
  const unchanged = altText.trim() === (media.altText ?? "");

  return (
    <form
      noValidate
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ restaurantId: target.restaurantId, productId: target.productId, mediaId: media.id, altText });
      }}
    >
      <Field
        id={inputId}
        label="Description for screen readers"
        error={fieldError}
        className="min-w-0 flex-1"
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={altText}
            maxLength={ALT_TEXT_MAX}
            disabled={target.readOnly || disabled || update.isPending || !hydrated}
            autoComplete="off"
            placeholder={media.kind === "IMAGE" ? "e.g. Three golden samosas with mint chutney" : "e.g. Naan coming out of the tandoor"}
            className={inputClasses(Boolean(fieldError))}
            onChange={(event) => setAltText(event.target.value)}
          />
        )}
      </Field>
      {target.readOnly ? null : (
        <Button type="submit" variant="secondary" size="sm" className="min-h-10" disabled={disabled || unchanged} pending={update.isPending}>
          Save
        </Button>
      )}
    </form>
  );
}
