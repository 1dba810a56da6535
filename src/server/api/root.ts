import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";
import { accountRouter } from "~/server/api/routers/account/account-router";
import { adminRouter } from "~/server/api/routers/admin/admin-router";
import { analyticsRouter } from "~/server/api/routers/analytics/analytics-router";
import { billingRouter } from "~/server/api/routers/billing/billing-router";
import { billingSandboxRouter } from "~/server/api/routers/billing/billing-sandbox-router";
import { menuRouter } from "~/server/api/routers/menu/menu-router";
import { restaurantsRouter } from "~/server/api/routers/restaurants/restaurants-router";
import { tablesRouter } from "~/server/api/routers/tables/tables-router";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  restaurants: restaurantsRouter,
  admin: adminRouter,
  menu: menuRouter,
  tables: tablesRouter,
  analytics: analyticsRouter,
  billing: billingRouter,
  billingSandbox: billingSandboxRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
