import { z } from "zod";
import { pagingDirectionSchema } from "~/schemas/paging";

export const adminUserListSchema = z.strictObject({
  search: z.string().trim().max(120).optional(),
  role: z.enum(["OWNER", "ADMIN"]).optional(),
  cursor: z.uuid().optional(),
  direction: pagingDirectionSchema,
  limit: z.number().int().min(1).max(100).default(50),
});

export const adminAuditFilterSchema = z
  .strictObject({
    action: z.string().trim().max(64).optional(),
    actorId: z.uuid("Unknown user").optional(),
    targetType: z.enum(["restaurant", "user", "email", "webhook_event"]).optional(),
    targetId: z.uuid("Unknown target").optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    cursor: z.uuid().optional(),
    direction: pagingDirectionSchema,
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from < filter.to, {
    message: "The start date must be before the end date",
    path: ["to"],
  });
