import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "~/server/api/trpc";
import { adminRestaurantListSchema, reviewDecisionSchema } from "~/schemas/restaurant";
import { adminAuditFilterSchema, adminUserListSchema } from "~/schemas/admin";
import { adminEmailsRouter } from "~/server/api/routers/admin/admin-emails-router";
import { adminWebhooksRouter } from "~/server/api/routers/admin/admin-webhooks-router";
import {
  getRestaurantForAdmin,
  listAuditActions,
  listAuditLog,
  listRestaurantsForAdmin,
  listReviewQueue,
  listUsersForAdmin,
} from "~/server/services/review/admin-queries";
import {
  approveRestaurant,
  rejectRestaurant,
  restoreRestaurant,
  suspendRestaurant,
} from "~/server/services/review/review-restaurants";

const restaurantIdInput = z.strictObject({ restaurantId: z.uuid("Unknown restaurant") });

export const adminRouter = createTRPCRouter({
  reviewQueue: adminProcedure.query(({ ctx }) => listReviewQueue(ctx.db)),

  restaurants: adminProcedure
    .input(adminRestaurantListSchema)
    .query(({ ctx, input }) => listRestaurantsForAdmin(ctx.db, input)),

  restaurant: adminProcedure
    .input(restaurantIdInput)
    .query(({ ctx, input }) => getRestaurantForAdmin(ctx.db, input.restaurantId)),

  approve: adminProcedure
    .input(restaurantIdInput)
    .mutation(({ ctx, input }) => approveRestaurant(ctx.db, ctx.session.userId, input.restaurantId, ctx.now())),

  reject: adminProcedure
    .input(reviewDecisionSchema)
    .mutation(({ ctx, input }) =>
      rejectRestaurant(ctx.db, ctx.session.userId, input.restaurantId, input.reason, ctx.now()),
    ),

  suspend: adminProcedure
    .input(reviewDecisionSchema)
    .mutation(({ ctx, input }) =>
      suspendRestaurant(ctx.db, ctx.session.userId, input.restaurantId, input.reason, ctx.now()),
    ),

  restore: adminProcedure
    .input(reviewDecisionSchema)
    .mutation(({ ctx, input }) =>
      restoreRestaurant(ctx.db, ctx.session.userId, input.restaurantId, input.reason, ctx.now()),
    ),

  users: adminProcedure.input(adminUserListSchema).query(({ ctx, input }) => listUsersForAdmin(ctx.db, input)),

  auditLog: adminProcedure.input(adminAuditFilterSchema).query(({ ctx, input }) => listAuditLog(ctx.db, input)),

  auditActions: adminProcedure.query(({ ctx }) => listAuditActions(ctx.db)),

  emails: adminEmailsRouter,

  webhooks: adminWebhooksRouter,
});
