import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { accountRouter } from "~/server/api/routers/account/account-router";
import { adminRouter } from "~/server/api/routers/admin/admin-router";
import { menuRouter } from "~/server/api/routers/menu/menu-router";
import { restaurantsRouter } from "~/server/api/routers/restaurants/restaurants-router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  restaurants: restaurantsRouter,
  admin: adminRouter,
  menu: menuRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
