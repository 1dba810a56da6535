"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { BULK_TABLES_MAX, bulkCreateTablesSchema } from "~/schemas/tables";
import { applyServerErrors } from "~/components/forms/apply-server-errors";
import { useHydrated } from "~/components/forms/use-hydrated";
import { errorMessage, serverErrorData } from "~/components/menu/server-error-data";
import { Button } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";

const FIELDS = ["prefix", "from", "to"] as const;

/** "Tables 1–20" in one go: numbered names with a common prefix; names that exist already are skipped. */
export function BulkAddTablesForm({ restaurantId }: { restaurantId: string }) {
  const hydrated = useHydrated();
  const utils = api.useUtils();
  const bulkCreate = api.tables.bulkCreate.useMutation({
    onSuccess: async ({ created, skipped }) => {
      toast.success(created.length === 1 ? "1 table was added" : `${created.length} tables were added`, {
        description: skipped.length > 0 ? `Already there, so skipped: ${skipped.join(", ")}.` : undefined,
      });
      await utils.tables.list.invalidate({ restaurantId });
    },
  });
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(bulkCreateTablesSchema),
    defaultValues: { restaurantId, prefix: "Table", from: 1, to: 10 },
  });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await bulkCreate.mutateAsync(values);
    } catch (error) {
      const { appliedToFields } = applyServerErrors(serverErrorData(error), FIELDS, setError);
      if (!appliedToFields) toast.error(errorMessage(error));
    }
  });

  const numberInput = (field: "from" | "to", label: string) => (
    <Field id={`bulk-tables-${field}`} label={label} error={formState.errors[field]?.message} className="w-24">
      {(control) => (
        <input
          {...control}
          {...register(field, { valueAsNumber: true })}
          type="number"
          inputMode="numeric"
          min={1}
          disabled={!hydrated}
          className={inputClasses(Boolean(formState.errors[field]))}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-3">
        <Field id="bulk-tables-prefix" label="Name" error={formState.errors.prefix?.message} className="min-w-32 flex-1">
          {(control) => (
            <input
              {...control}
              {...register("prefix")}
              type="text"
              autoComplete="off"
              disabled={!hydrated}
              className={inputClasses(Boolean(formState.errors.prefix))}
            />
          )}
        </Field>
        {numberInput("from", "From")}
        {numberInput("to", "To")}
      </div>
      <p className="text-sm text-stone-600">Up to {BULK_TABLES_MAX} at once, e.g. Table 1 to Table 20.</p>
      <div>
        <Button type="submit" size="sm" variant="secondary" pending={formState.isSubmitting}>
          Add numbered tables
        </Button>
      </div>
    </form>
  );
}
