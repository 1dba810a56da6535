import { createTRPCRouter, menuEditProcedure, ownerRestaurantProcedure } from "~/server/api/trpc";
import { productModelRefSchema, rescaleModelSchema } from "~/schemas/model";
import { modelStorage } from "~/server/integrations/model-storage";
import { getProductModel, removeProductModel, rescaleProductModel } from "~/server/services/models/product-model";

// Uploads arrive through the streamed route handler (app/api/uploads/model); the optimisation runs as a job.
export const modelsRouter = createTRPCRouter({
  get: ownerRestaurantProcedure
    .input(productModelRefSchema)
    .query(({ ctx, input }) => getProductModel(ctx.db, modelStorage(), ctx.restaurant.id, input.productId)),
  rescale: menuEditProcedure
    .input(rescaleModelSchema)
    .mutation(({ ctx, input }) => rescaleProductModel(ctx.db, modelStorage(), ctx.restaurant.id, input.productId, input.largestSideCm)),
  remove: menuEditProcedure
    .input(productModelRefSchema)
    .mutation(({ ctx, input }) => removeProductModel(ctx.db, ctx.restaurant.id, input.productId)),
});
