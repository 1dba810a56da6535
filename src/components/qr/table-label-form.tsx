"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { toast } from "sonner";
import { tableLabelSchema } from "~/schemas/tables";
import { applyServerErrors } from "~/components/forms/apply-server-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import { errorMessage, serverErrorData } from "~/components/menu/server-error-data";
import { Button } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";

const labelFormSchema = z.object({ label: tableLabelSchema });

type TableLabelFormProps = {
  inputId: string;
  initialLabel: string;
  submitLabel: string;
  /** Rejects with the server's error; the form puts a label error on the field and toasts anything else. */
  onSave: (label: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** One text field and a button: adding a table and renaming one look and behave the same. */
export function TableLabelForm({ inputId, initialLabel, submitLabel, onSave, onCancel, autoFocus = false }: TableLabelFormProps) {
  const hydrated = useHydrated();
  const { register, handleSubmit, setError, reset, formState } = useForm({
    resolver: zodResolver(labelFormSchema),
    defaultValues: { label: initialLabel },
  });

  const onSubmit = handleSubmit(async ({ label }) => {
    try {
      await onSave(label);
      reset({ label: initialLabel });
    } catch (error) {
      const { appliedToFields } = applyServerErrors(serverErrorData(error), ["label"], setError);
      if (!appliedToFields) toast.error(errorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <Field id={inputId} label="Table name" error={formState.errors.label?.message}>
        {(control) => (
          <input
            {...control}
            {...register("label")}
            type="text"
            defaultValue={initialLabel}
            disabled={!hydrated}
            autoFocus={autoFocus}
            autoComplete="off"
            placeholder="e.g. Table 1 or Terrace 4"
            className={inputClasses(Boolean(formState.errors.label))}
            onKeyDown={(event) => {
              if (event.key === "Escape" && onCancel) onCancel();
            }}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={formState.isSubmitting}>
          {submitLabel}
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
