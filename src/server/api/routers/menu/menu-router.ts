import { createTRPCRouter, menuEditProcedure, ownerRestaurantProcedure } from "~/server/api/trpc";
import {
  createCategorySchema,
  createProductSchema,
  deleteCategorySchema,
  listProductsSchema,
  moveProductSchema,
  productRefSchema,
  renameCategorySchema,
  reorderCategoriesSchema,
  reorderProductsSchema,
  setAvailabilitySchema,
  updateProductSchema,
} from "~/schemas/menu";
import { restaurantIdSchema } from "~/schemas/restaurant";
import { mediaRouter } from "~/server/api/routers/menu/media-router";
import { modelsRouter } from "~/server/api/routers/menu/models-router";
import { requirePlan, requirePlanToShow } from "~/server/services/billing/plan-guard";
import { createCategory, deleteCategory, listCategories, renameCategory, reorderCategories } from "~/server/services/menu/categories";
import {
  createProduct,
  deleteProduct,
  duplicateProduct,
  getProduct,
  moveProduct,
  reorderProducts,
  setAvailability,
  updateProduct,
} from "~/server/services/menu/products";
import { listProducts } from "~/server/services/menu/list-products";

const categoriesRouter = createTRPCRouter({
  list: ownerRestaurantProcedure.input(restaurantIdSchema).query(({ ctx }) => listCategories(ctx.db, ctx.restaurant.id)),
  create: menuEditProcedure
    .input(createCategorySchema)
    .mutation(({ ctx, input }) => createCategory(ctx.db, ctx.restaurant.id, input.name)),
  rename: menuEditProcedure
    .input(renameCategorySchema)
    .mutation(({ ctx, input }) => renameCategory(ctx.db, ctx.restaurant.id, input.categoryId, input.name)),
  delete: menuEditProcedure.input(deleteCategorySchema).mutation(({ ctx, input }) => deleteCategory(ctx.db, ctx.restaurant.id, input)),
  reorder: menuEditProcedure
    .input(reorderCategoriesSchema)
    .mutation(({ ctx, input }) => reorderCategories(ctx.db, ctx.restaurant.id, input.categoryIds)),
});

const productsRouter = createTRPCRouter({
  list: ownerRestaurantProcedure.input(listProductsSchema).query(({ ctx, input }) => listProducts(ctx.db, ctx.restaurant.id, input)),
  byId: ownerRestaurantProcedure
    .input(productRefSchema)
    .query(({ ctx, input }) => getProduct(ctx.db, ctx.restaurant.id, input.productId)),
  create: menuEditProcedure.input(createProductSchema).mutation(async ({ ctx, input }) => {
    await requirePlan(ctx.db, ctx.restaurant, "ADD_PRODUCTS", ctx.now());
    const { restaurantId: _restaurantId, categoryId, ...details } = input;
    return createProduct(ctx.db, ctx.restaurant.id, categoryId, details);
  }),
  update: menuEditProcedure.input(updateProductSchema).mutation(async ({ ctx, input }) => {
    const { restaurantId: _restaurantId, productId, categoryId, ...details } = input;
    await requirePlanToShow(ctx.db, ctx.restaurant.id, [productId], details.availability, ctx.now());
    return updateProduct(ctx.db, ctx.restaurant.id, productId, details, categoryId);
  }),
  delete: menuEditProcedure
    .input(productRefSchema)
    .mutation(({ ctx, input }) => deleteProduct(ctx.db, ctx.restaurant.id, input.productId)),
  duplicate: menuEditProcedure.input(productRefSchema).mutation(async ({ ctx, input }) => {
    await requirePlan(ctx.db, ctx.restaurant, "ADD_PRODUCTS", ctx.now());
    return duplicateProduct(ctx.db, ctx.restaurant.id, input.productId);
  }),
  move: menuEditProcedure
    .input(moveProductSchema)
    .mutation(({ ctx, input }) => moveProduct(ctx.db, ctx.restaurant.id, input.productId, input.toCategoryId)),
  reorder: menuEditProcedure
    .input(reorderProductsSchema)
    .mutation(({ ctx, input }) => reorderProducts(ctx.db, ctx.restaurant.id, input.categoryId, input.productIds)),
  setAvailability: menuEditProcedure.input(setAvailabilitySchema).mutation(async ({ ctx, input }) => {
    await requirePlanToShow(ctx.db, ctx.restaurant.id, input.productIds, input.availability, ctx.now());
    return setAvailability(ctx.db, ctx.restaurant.id, input.productIds, input.availability);
  }),
});

export const menuRouter = createTRPCRouter({
  categories: categoriesRouter,
  products: productsRouter,
  media: mediaRouter,
  models: modelsRouter,
});
