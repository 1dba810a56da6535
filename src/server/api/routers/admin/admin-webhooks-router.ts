import { adminProcedure, createTRPCRouter } from "~/server/api/trpc";
import { adminWebhookEventListSchema, webhookEventIdSchema } from "~/schemas/webhook-events";
import { listWebhookEventsForAdmin, reprocessWebhookEvent } from "~/server/services/billing/admin-webhook-events";

/** Stored Lemon Squeezy deliveries for admins: `admin.webhooks.list` and `admin.webhooks.reprocess`. */
export const adminWebhooksRouter = createTRPCRouter({
  list: adminProcedure.input(adminWebhookEventListSchema).query(({ ctx, input }) => listWebhookEventsForAdmin(ctx.db, input)),

  reprocess: adminProcedure
    .input(webhookEventIdSchema)
    .mutation(({ ctx, input }) => reprocessWebhookEvent(ctx.db, ctx.session.userId, input.webhookEventId, ctx.now())),
});
