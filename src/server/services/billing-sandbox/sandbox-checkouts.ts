import { billingPrices } from "~/env.js";
import type { Prisma } from "~/generated/prisma/client";
import type { SandboxCard } from "~/schemas/billing-sandbox";
import { cardBrandOf } from "~/schemas/billing-sandbox";
import type { Db } from "~/server/db-client";
import { conflict, notFound } from "~/server/errors";
import { checkoutCustomData, type CheckoutRequest } from "~/server/integrations/lemon-squeezy/billing-provider";
import { countPublishedProducts } from "~/server/services/billing/published-products";
import { invoicePayload, orderPayload, subscriptionPayload } from "./sandbox-payloads";
import { addOneMonth, sandboxCheckoutPath, SANDBOX_STORE } from "./sandbox-store";
import type { SandboxSession } from "./sandbox-session";
import { liveSandboxSubscriptionOf } from "./sandbox-subscriptions";

/** What Lemon Squeezy's POST /v1/checkouts does: keeps the checkout and answers its URL. */
export async function createSandboxCheckout(db: Db, request: CheckoutRequest, origin: string): Promise<{ url: string }> {
  const checkout = await db.sandboxCheckout.create({
    data: {
      restaurantId: request.restaurantId,
      email: request.email,
      name: request.name,
      customData: checkoutCustomData(request.restaurantId),
      redirectUrl: request.redirectUrl,
    },
  });
  return { url: new URL(sandboxCheckoutPath(checkout.id), origin).toString() };
}

/** The checkout page's contents, for the restaurant's owner only (anyone else: not found). */
export async function getSandboxCheckout(db: Db, ownerId: string, checkoutId: string) {
  const checkout = await db.sandboxCheckout.findFirst({
    where: { id: checkoutId, restaurant: { ownerId } },
    include: { restaurant: { select: { id: true, name: true } }, subscription: { select: { id: true } } },
  });
  if (!checkout) throw notFound("Checkout");
  const prices = billingPrices();
  return {
    id: checkout.id,
    restaurant: checkout.restaurant,
    email: checkout.email,
    name: checkout.name,
    productName: SANDBOX_STORE.productName,
    variantName: SANDBOX_STORE.variantName,
    currency: prices.currency,
    monthlyFeeMinor: prices.monthlyFeeMinor,
    productFeeMinor: prices.productFeeMinor,
    publishedProducts: await countPublishedProducts(db, checkout.restaurantId),
    paidAt: checkout.paidAt,
    redirectUrl: checkout.redirectUrl,
    subscriptionId: checkout.subscription?.id ?? null,
  };
}

async function lockCheckout(tx: Prisma.TransactionClient, ownerId: string, checkoutId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "SandboxCheckout" c JOIN "Restaurant" r ON r."id" = c."restaurantId"
    WHERE c."id" = ${checkoutId}::uuid AND r."ownerId" = ${ownerId}::uuid
    FOR UPDATE OF c`;
  if (locked.length === 0) throw notFound("Checkout");
  return tx.sandboxCheckout.findUniqueOrThrow({ where: { id: checkoutId } });
}

/**
 * "Pay": what Lemon Squeezy does when a checkout is paid. The subscription (active, renewing in a month) and its
 * first invoice (the monthly fee; usage is billed at renewal) are created, then the order, the subscription and the
 * payment are announced, in the order Lemon Squeezy sends them. A checkout is paid once; a restaurant whose sandbox
 * subscription still runs is told to manage that one.
 */
export async function paySandboxCheckout(session: SandboxSession, checkoutId: string, card: SandboxCard): Promise<{ redirectUrl: string; subscriptionId: number }> {
  const { db, ownerId, now, origin } = session;
  const prices = billingPrices();
  const { subscription, invoice, redirectUrl } = await db.$transaction(async (tx) => {
    const checkout = await lockCheckout(tx, ownerId, checkoutId);
    if (checkout.paidAt) throw conflict("This checkout has already been paid; your subscription is on the billing page.");
    const running = await liveSandboxSubscriptionOf(tx, checkout.restaurantId);
    if (running) {
      throw conflict(`This restaurant already has a subscription (#${running.id}, ${running.status.replace("_", " ")}); manage it on the billing page instead of paying again.`);
    }
    await tx.sandboxCheckout.update({ where: { id: checkout.id }, data: { paidAt: now } });
    const subscription = await tx.sandboxSubscription.create({
      data: {
        restaurantId: checkout.restaurantId,
        checkoutId: checkout.id,
        status: "active",
        customData: checkout.customData as Prisma.InputJsonValue,
        email: checkout.email,
        name: card.name,
        cardBrand: cardBrandOf(card.number),
        cardLastFour: card.number.slice(-4),
        renewsAt: addOneMonth(now),
        createdAt: now,
        vendorUpdatedAt: now,
      },
    });
    const invoice = await tx.sandboxInvoice.create({
      data: {
        subscriptionId: subscription.id,
        billingReason: "initial",
        status: "paid",
        currency: prices.currency,
        totalMinor: prices.monthlyFeeMinor,
        createdAt: now,
        vendorUpdatedAt: now,
      },
    });
    return { subscription, invoice, redirectUrl: checkout.redirectUrl };
  });

  for (const event of [
    orderPayload(subscription, invoice, origin),
    subscriptionPayload("subscription_created", subscription, origin),
    invoicePayload("subscription_payment_success", invoice, subscription, origin),
  ]) {
    await session.deliver(event);
  }
  return { redirectUrl, subscriptionId: subscription.id };
}
