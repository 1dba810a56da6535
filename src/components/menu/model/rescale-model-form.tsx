"use client";

import { useId } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { RESCALE_MAX_CM, RESCALE_MIN_CM } from "~/lib/model-size";
import { rescaleModelSchema } from "~/schemas/model";
import { applyServerErrors } from "~/components/forms/apply-server-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import type { ModelTarget } from "~/components/menu/model/model-types";
import { errorMessage, serverErrorData } from "~/components/menu/server-error-data";
import { Button } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";

const rescaleFormSchema = rescaleModelSchema.pick({ largestSideCm: true });
type RescaleFormValues = z.infer<typeof rescaleFormSchema>;

type RescaleModelFormProps = {
  target: ModelTarget;
  /** What the field starts with: the size asked for before, or the measured one; empty when that is implausible. */
  initialCm: number | undefined;
  /** The model is being processed; a second size now would race the first. */
  disabled: boolean;
  onDone?: () => void;
  onCancel?: () => void;
};

export function RescaleModelForm({ target, initialCm, disabled, onDone, onCancel }: RescaleModelFormProps) {
  const inputId = useId();
  const hydrated = useHydrated();
  const utils = api.useUtils();
  const rescale = api.menu.models.rescale.useMutation();
  // Typed explicitly: the field may start empty, which inference from the default values would make part of the type.
  const { register, handleSubmit, setError, formState } = useForm<RescaleFormValues>({
    resolver: zodResolver(rescaleFormSchema),
    defaultValues: { largestSideCm: initialCm },
  });

  const onSubmit = handleSubmit(async ({ largestSideCm }) => {
    const { restaurantId, productId } = target;
    try {
      const model = await rescale.mutateAsync({ restaurantId, productId, largestSideCm });
      // The answer is the model back in the queue; putting it in the cache starts the status polling.
      utils.menu.models.get.setData({ restaurantId, productId }, model);
      toast.success(`Resizing the model to ${largestSideCm} cm`);
      onDone?.();
    } catch (error) {
      const { appliedToFields } = applyServerErrors(serverErrorData(error), ["largestSideCm"], setError);
      if (!appliedToFields) toast.error(errorMessage(error));
    }
  });

  const error = formState.errors.largestSideCm?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <Field
        id={inputId}
        label="Real size (cm)"
        hint={`The longest side of the real dish, from ${RESCALE_MIN_CM} to ${RESCALE_MAX_CM} cm.`}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            {...register("largestSideCm", { valueAsNumber: true })}
            type="number"
            inputMode="decimal"
            step="any"
            min={RESCALE_MIN_CM}
            max={RESCALE_MAX_CM}
            disabled={disabled || !hydrated}
            placeholder="e.g. 24"
            className={inputClasses(Boolean(error), "sm:max-w-40")}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={disabled} pending={formState.isSubmitting}>
          Rescale
        </Button>
        {onCancel ? (
          <Button variant="ghost" size="sm" disabled={formState.isSubmitting} onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
