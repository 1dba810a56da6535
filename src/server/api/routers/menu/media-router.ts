import { createTRPCRouter, menuEditProcedure, ownerRestaurantProcedure } from "~/server/api/trpc";
import { mediaRefSchema, productMediaRefSchema, reorderMediaSchema, updateMediaAltSchema } from "~/schemas/media";
import {
  deleteProductMedia,
  listProductMedia,
  reorderProductMedia,
  updateMediaAlt,
} from "~/server/services/media/product-media";

// Uploads arrive through the streamed route handler (app/api/uploads/media); everything after that is here.
export const mediaRouter = createTRPCRouter({
  list: ownerRestaurantProcedure
    .input(productMediaRefSchema)
    .query(({ ctx, input }) => listProductMedia(ctx.db, ctx.restaurant.id, input.productId)),
  updateAlt: menuEditProcedure
    .input(updateMediaAltSchema)
    .mutation(({ ctx, input }) => updateMediaAlt(ctx.db, ctx.restaurant.id, input.productId, input.mediaId, input.altText)),
  reorder: menuEditProcedure
    .input(reorderMediaSchema)
    .mutation(({ ctx, input }) => reorderProductMedia(ctx.db, ctx.restaurant.id, input.productId, input.mediaIds)),
  delete: menuEditProcedure
    .input(mediaRefSchema)
    .mutation(({ ctx, input }) => deleteProductMedia(ctx.db, ctx.restaurant.id, input.productId, input.mediaId)),
});
