import { createTRPCRouter, ownerRestaurantProcedure } from "~/server/api/trpc";
import { analyticsSummarySchema } from "~/schemas/analytics";
import { menuAnalyticsSummary } from "~/server/services/analytics/menu-analytics";

// Reads only: the counts are written by the public beacon route (app/api/menu-events), not through tRPC.
export const analyticsRouter = createTRPCRouter({
  summary: ownerRestaurantProcedure
    .input(analyticsSummarySchema)
    .query(({ ctx, input }) => menuAnalyticsSummary(ctx.db, ctx.restaurant.id, input, ctx.now())),
});
