import { WEBHOOK_EVENT_STATUSES, type WebhookEventStatusFilter } from "~/schemas/webhook-events";
import { firstParam, type SearchParams } from "~/lib/search-params";

/** The webhook page's filters from its URL; an unknown status shows every event rather than an error page. */
export function webhookEventListFilter(params: SearchParams): { status?: WebhookEventStatusFilter; search?: string } {
  const status = WEBHOOK_EVENT_STATUSES.find((value) => value === firstParam(params, "status"));
  return { status, search: firstParam(params, "q")?.slice(0, 120) };
}
