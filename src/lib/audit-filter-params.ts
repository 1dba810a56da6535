import { z } from "zod";
import { adminAuditFilterSchema } from "~/schemas/admin";
import { firstParam, type SearchParams } from "~/lib/search-params";

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the filter form shows: the raw strings the admin typed, so a bad value can be corrected in place. */
export type AuditFilterValues = { action?: string; targetType?: string; actorId?: string; from?: string; to?: string };
export type AuditFilter = Omit<z.output<typeof adminAuditFilterSchema>, "cursor">;
export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues, string>>;

function utcDay(value: string | undefined): Date | null | undefined {
  if (!value) return undefined;
  if (!ISO_DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  // Engines roll impossible days over ("2026-02-30" is 2 March), so the date must read back as typed.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? date : null;
}

/**
 * Reads the audit filter from the query string. Dates are whole UTC days and "to" includes its day, so the
 * query's exclusive upper bound is the start of the next day.
 */
export function auditFilterFromParams(params: SearchParams, limit: number) {
  const values: AuditFilterValues = {
    action: firstParam(params, "action"),
    targetType: firstParam(params, "targetType"),
    actorId: firstParam(params, "actorId"),
    from: firstParam(params, "from"),
    to: firstParam(params, "to"),
  };
  const errors: AuditFilterErrors = {};
  const from = utcDay(values.from);
  const toDay = utcDay(values.to);
  if (from === null) errors.from = "Use a date like 2026-01-31";
  if (toDay === null) errors.to = "Use a date like 2026-01-31";
  const parsed = adminAuditFilterSchema.safeParse({
    action: values.action,
    targetType: values.targetType,
    actorId: values.actorId,
    from: from ?? undefined,
    to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
    limit,
  });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    for (const key of ["action", "targetType", "actorId", "from", "to"] as const) {
      const message = fieldErrors[key]?.[0];
      if (message && !errors[key]) errors[key] = key === "targetType" ? "Choose a target type from the list" : message;
    }
  }
  const filter: AuditFilter | null = parsed.success && Object.keys(errors).length === 0 ? parsed.data : null;
  return { values, errors, filter };
}
