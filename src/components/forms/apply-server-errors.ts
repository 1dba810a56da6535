import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

/** The `data` our tRPC error formatter adds: Zod and domain field errors by field name. */
export type ServerErrorData =
  | { fieldErrors?: Record<string, string[] | undefined> | null; formErrors?: string[] | null }
  | null
  | undefined;

/**
 * Puts the server's field errors on the form's fields (focusing the first) and returns the messages that
 * belong to no field on this form, for a form-level alert.
 */
export function applyServerErrors<T extends FieldValues>(
  data: ServerErrorData,
  fields: readonly FieldPath<T>[],
  setError: UseFormSetError<T>,
): { appliedToFields: boolean; formMessages: string[] } {
  let appliedToFields = false;
  for (const field of fields) {
    const message = data?.fieldErrors?.[field]?.[0];
    if (!message) continue;
    setError(field, { type: "server", message }, { shouldFocus: !appliedToFields });
    appliedToFields = true;
  }
  const unknownFieldMessages = Object.entries(data?.fieldErrors ?? {})
    .filter(([field]) => !(fields as readonly string[]).includes(field))
    .flatMap(([, messages]) => messages ?? []);
  return { appliedToFields, formMessages: [...(data?.formErrors ?? []), ...unknownFieldMessages] };
}
