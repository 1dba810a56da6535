import { z } from "zod";
import { pagingDirectionSchema } from "~/schemas/paging";

export const WEBHOOK_EVENT_STATUSES = ["PROCESSED", "FAILED", "IGNORED", "INVALID"] as const;
export type WebhookEventStatusFilter = (typeof WEBHOOK_EVENT_STATUSES)[number];

export const adminWebhookEventListSchema = z.strictObject({
  status: z.enum(WEBHOOK_EVENT_STATUSES).optional(),
  /** Part of the event name, e.g. "payment" or "subscription_updated". */
  search: z.string().trim().max(120).optional(),
  cursor: z.uuid().optional(),
  direction: pagingDirectionSchema,
  limit: z.number().int().min(1).max(100).default(50),
});

export const webhookEventIdSchema = z.strictObject({ webhookEventId: z.uuid("Unknown webhook event") });
