import { createTRPCRouter, menuEditProcedure, ownerRestaurantProcedure } from "~/server/api/trpc";
import { restaurantIdSchema } from "~/schemas/restaurant";
import { bulkCreateTablesSchema, createTableSchema, renameTableSchema, reorderTablesSchema, tableRefSchema } from "~/schemas/tables";
import { bulkCreateTables, createTable, deleteTable, listTables, renameTable, reorderTables } from "~/server/services/tables/tables";

// Tables are part of what a suspended restaurant may not change, like its menu; their QR codes stay downloadable.
export const tablesRouter = createTRPCRouter({
  list: ownerRestaurantProcedure.input(restaurantIdSchema).query(({ ctx }) => listTables(ctx.db, ctx.restaurant.id)),
  create: menuEditProcedure.input(createTableSchema).mutation(({ ctx, input }) => createTable(ctx.db, ctx.restaurant.id, input.label)),
  bulkCreate: menuEditProcedure.input(bulkCreateTablesSchema).mutation(({ ctx, input }) => {
    const { restaurantId: _restaurantId, ...range } = input;
    return bulkCreateTables(ctx.db, ctx.restaurant.id, range);
  }),
  rename: menuEditProcedure
    .input(renameTableSchema)
    .mutation(({ ctx, input }) => renameTable(ctx.db, ctx.restaurant.id, input.tableId, input.label)),
  delete: menuEditProcedure.input(tableRefSchema).mutation(({ ctx, input }) => deleteTable(ctx.db, ctx.restaurant.id, input.tableId)),
  reorder: menuEditProcedure
    .input(reorderTablesSchema)
    .mutation(({ ctx, input }) => reorderTables(ctx.db, ctx.restaurant.id, input.tableIds)),
});
