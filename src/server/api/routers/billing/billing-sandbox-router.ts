import { TRPCError } from "@trpc/server";
import { sandboxActionSchema, sandboxCheckoutRefSchema, sandboxPaySchema, sandboxSubscriptionRefSchema, sandboxUpdateCardSchema } from "~/schemas/billing-sandbox";
import type { Db } from "~/server/db-client";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { appOrigin } from "~/server/http/app-origin";
import { sandboxEnabled, sandboxSession } from "~/server/services/billing/configured-billing";
import { getSandboxCheckout, paySandboxCheckout } from "~/server/services/billing-sandbox/sandbox-checkouts";
import { changeSandboxSubscription, getSandboxSubscription, updateSandboxCard } from "~/server/services/billing-sandbox/sandbox-subscriptions";

// The billing sandbox plays Lemon Squeezy when it is not configured. With LEMONSQUEEZY_API_KEY set it does not exist:
// every procedure answers NOT_FOUND, like its pages. Each checkout and subscription is its restaurant owner's only.
const sandboxProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (!sandboxEnabled()) throw new TRPCError({ code: "NOT_FOUND", message: "The billing sandbox is off: payments go through Lemon Squeezy" });
  return next({ ctx });
});

async function sessionFor(ctx: { db: Db; session: { userId: string }; now: () => Date }) {
  return sandboxSession({ db: ctx.db, ownerId: ctx.session.userId, origin: await appOrigin(), now: ctx.now() });
}

export const billingSandboxRouter = createTRPCRouter({
  checkout: sandboxProcedure.input(sandboxCheckoutRefSchema).query(({ ctx, input }) => getSandboxCheckout(ctx.db, ctx.session.userId, input.checkoutId)),

  pay: sandboxProcedure.input(sandboxPaySchema).mutation(async ({ ctx, input }) => paySandboxCheckout(await sessionFor(ctx), input.checkoutId, input.card)),

  subscription: sandboxProcedure
    .input(sandboxSubscriptionRefSchema)
    .query(({ ctx, input }) => getSandboxSubscription(ctx.db, ctx.session.userId, input.subscriptionId, ctx.now())),

  act: sandboxProcedure.input(sandboxActionSchema).mutation(async ({ ctx, input }) => {
    const subscription = await changeSandboxSubscription(await sessionFor(ctx), input.subscriptionId, input.action);
    return { id: subscription.id, status: subscription.status };
  }),

  updateCard: sandboxProcedure.input(sandboxUpdateCardSchema).mutation(async ({ ctx, input }) => {
    const subscription = await updateSandboxCard(await sessionFor(ctx), input.subscriptionId, input.card);
    return { id: subscription.id, cardBrand: subscription.cardBrand, cardLastFour: subscription.cardLastFour };
  }),
});
