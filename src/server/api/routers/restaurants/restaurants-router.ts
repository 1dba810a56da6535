import { z } from "zod";
import { createTRPCRouter, ownerRestaurantProcedure, protectedProcedure } from "~/server/api/trpc";
import { createRestaurantSchema, deleteRestaurantSchema, slugSchema, updateRestaurantSchema } from "~/schemas/restaurant";
import { deleteOwnerRestaurant } from "~/server/services/restaurants/delete-restaurant";
import {
  createOwnerRestaurant,
  getOwnerRestaurant,
  isSlugAvailable,
  listOwnerRestaurants,
  submitOwnerRestaurant,
  updateOwnerRestaurant,
} from "~/server/services/restaurants/owner-restaurants";

export const restaurantsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listOwnerRestaurants(ctx.db, ctx.session.userId)),

  byId: ownerRestaurantProcedure
    .input(z.strictObject({ restaurantId: z.uuid() }))
    .query(({ ctx, input }) => getOwnerRestaurant(ctx.db, ctx.session.userId, input.restaurantId)),

  create: protectedProcedure
    .input(createRestaurantSchema)
    .mutation(({ ctx, input }) => createOwnerRestaurant(ctx.db, ctx.session.userId, input)),

  update: ownerRestaurantProcedure
    .input(updateRestaurantSchema)
    .mutation(({ ctx, input }) => updateOwnerRestaurant(ctx.db, ctx.session.userId, input)),

  submit: ownerRestaurantProcedure
    .input(z.strictObject({ restaurantId: z.uuid() }))
    .mutation(({ ctx, input }) => submitOwnerRestaurant(ctx.db, ctx.session.userId, input.restaurantId, ctx.now())),

  delete: ownerRestaurantProcedure
    .input(deleteRestaurantSchema)
    .mutation(({ ctx, input }) => deleteOwnerRestaurant(ctx.db, ctx.session.userId, input.restaurantId, input.confirmName)),

  slugAvailable: protectedProcedure
    .input(z.strictObject({ slug: slugSchema, restaurantId: z.uuid().optional() }))
    .query(async ({ ctx, input }) => ({ available: await isSlugAvailable(ctx.db, input.slug, input.restaurantId) })),
});
