import { z } from "zod";
import { pagingDirectionSchema } from "~/schemas/paging";

export const EMAIL_STATUSES = ["PENDING", "SENT", "FAILED"] as const;
export type EmailStatusFilter = (typeof EMAIL_STATUSES)[number];

export const adminEmailListSchema = z.strictObject({
  status: z.enum(EMAIL_STATUSES).optional(),
  /** Part of the recipient's address. */
  search: z.string().trim().max(120).optional(),
  cursor: z.uuid().optional(),
  direction: pagingDirectionSchema,
  limit: z.number().int().min(1).max(100).default(50),
});

export const emailIdSchema = z.strictObject({ emailId: z.uuid("Unknown email") });
