import { EMAIL_STATUSES, type EmailStatusFilter } from "~/schemas/emails";
import { firstParam, type SearchParams } from "~/lib/search-params";

/** The outbox page's filters from its URL; an unknown status shows every message rather than an error page. */
export function emailListFilter(params: SearchParams): { status?: EmailStatusFilter; search?: string } {
  const status = EMAIL_STATUSES.find((value) => value === firstParam(params, "status"));
  return { status, search: firstParam(params, "q")?.slice(0, 120) };
}
