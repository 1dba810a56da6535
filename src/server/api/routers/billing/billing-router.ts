import { billingRestaurantSchema } from "~/schemas/billing";
import type { Db } from "~/server/db-client";
import { createTRPCRouter, ownerRestaurantProcedure } from "~/server/api/trpc";
import { appOrigin } from "~/server/http/app-origin";
import { getBillingOverview } from "~/server/services/billing/billing-overview";
import { billingProvider } from "~/server/services/billing/configured-billing";
import { cancelSubscription, resumeSubscription, startCheckout } from "~/server/services/billing/owner-subscription";
import { withLemonSqueezyErrors } from "./lemon-squeezy-errors";

// The owner's billing page. Only the restaurant's owner (ownerRestaurantProcedure: anyone else gets NOT_FOUND).
const billingProcedure = ownerRestaurantProcedure.input(billingRestaurantSchema).use(({ next }) => withLemonSqueezyErrors(next));

async function providerFor(ctx: { db: Db; session: { userId: string }; now: () => Date }) {
  const origin = await appOrigin();
  return { origin, provider: billingProvider({ db: ctx.db, ownerId: ctx.session.userId, origin, now: ctx.now() }) };
}

export const billingRouter = createTRPCRouter({
  overview: billingProcedure.query(({ ctx }) => getBillingOverview(ctx.db, ctx.session.userId, ctx.restaurant.id, ctx.now())),

  checkout: billingProcedure.mutation(async ({ ctx }) => {
    const { origin, provider } = await providerFor(ctx);
    return startCheckout(ctx.db, provider, { ownerId: ctx.session.userId, restaurantId: ctx.restaurant.id, origin, now: ctx.now() });
  }),

  cancel: billingProcedure.mutation(async ({ ctx }) => {
    const { provider } = await providerFor(ctx);
    await cancelSubscription(ctx.db, provider, { ownerId: ctx.session.userId, restaurantId: ctx.restaurant.id });
    return { requested: true };
  }),

  resume: billingProcedure.mutation(async ({ ctx }) => {
    const { provider } = await providerFor(ctx);
    await resumeSubscription(ctx.db, provider, { ownerId: ctx.session.userId, restaurantId: ctx.restaurant.id, now: ctx.now() });
    return { requested: true };
  }),
});
