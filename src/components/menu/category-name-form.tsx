"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { toast } from "sonner";
import { categoryNameSchema } from "~/schemas/menu";
import { applyServerErrors } from "~/components/forms/apply-server-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import { errorMessage, serverErrorData } from "~/components/menu/server-error-data";
import { Button } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";

const nameFormSchema = z.object({ name: categoryNameSchema });

type CategoryNameFormProps = {
  inputId: string;
  initialName: string;
  submitLabel: string;
  /** Rejects with the server's error; the form puts a name error on the field and toasts anything else. */
  onSave: (name: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** One text field and a button: adding a category and renaming one look and behave the same. */
export function CategoryNameForm({ inputId, initialName, submitLabel, onSave, onCancel, autoFocus = false }: CategoryNameFormProps) {
  const hydrated = useHydrated();
  const { register, handleSubmit, setError, reset, formState } = useForm({
    resolver: zodResolver(nameFormSchema),
    defaultValues: { name: initialName },
  });

  const onSubmit = handleSubmit(async ({ name }) => {
    try {
      await onSave(name);
      reset({ name: initialName });
    } catch (error) {
      const { appliedToFields } = applyServerErrors(serverErrorData(error), ["name"], setError);
      if (!appliedToFields) toast.error(errorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <Field id={inputId} label="Category name" error={formState.errors.name?.message}>
        {(control) => (
          <input
            {...control}
            {...register("name")}
            type="text"
            defaultValue={initialName}
            disabled={!hydrated}
            autoFocus={autoFocus}
            autoComplete="off"
            placeholder="e.g. Starters"
            className={inputClasses(Boolean(formState.errors.name))}
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
