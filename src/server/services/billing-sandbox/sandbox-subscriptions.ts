import { billingPrices } from "~/env.js";
import type { Prisma, SandboxInvoice, SandboxSubscription } from "~/generated/prisma/client";
import { cardBrandOf, type SandboxAction, type SandboxCard } from "~/schemas/billing-sandbox";
import type { Db } from "~/server/db-client";
import { invalidState, notFound } from "~/server/errors";
import { countPublishedProducts } from "~/server/services/billing/published-products";
import { invoicePayload, subscriptionPayload, type SandboxEvent } from "./sandbox-payloads";
import type { SandboxSession } from "./sandbox-session";
import { addOneMonth, nextVendorTime } from "./sandbox-store";

type Tx = Prisma.TransactionClient;

// Lemon Squeezy's side of a subscription's life, played by hand: each action changes the sandbox's subscription (and
// invoice) as Lemon Squeezy would, then sends the webhooks Lemon Squeezy sends for it. Which actions make sense
// depends on the status, as it does in Lemon Squeezy: only a running subscription can fail a payment, only a failed
// one can recover, only a cancelled one in its paid period can resume.

/** A subscription that still runs: the restaurant cannot take out a second one (our webhook would refuse it). */
const RUNNING = ["on_trial", "active", "past_due"];

export function liveSandboxSubscriptionOf(tx: Pick<Tx, "sandboxSubscription">, restaurantId: string) {
  return tx.sandboxSubscription.findFirst({ where: { restaurantId, status: { in: RUNNING } }, orderBy: { id: "desc" } });
}

/** The actions the sandbox offers for a subscription in this state, in the order the page shows them. */
export function sandboxActionsFor(subscription: Pick<SandboxSubscription, "status" | "endsAt">, now: Date): SandboxAction[] {
  const actions: SandboxAction[] = [];
  const { status } = subscription;
  if (status === "active" || status === "on_trial") actions.push("fail-payment");
  if (status === "past_due" || status === "unpaid") actions.push("recover");
  if (status === "active" || status === "on_trial" || status === "past_due") actions.push("cancel");
  if (status === "cancelled" && subscription.endsAt && subscription.endsAt.getTime() > now.getTime()) actions.push("resume");
  if (status === "cancelled" || status === "past_due" || status === "unpaid") actions.push("expire");
  return actions;
}

const REFUSED: Record<SandboxAction, string> = {
  "fail-payment": "Only an active subscription has a next payment to fail",
  recover: "Only a subscription whose payment failed (past due or unpaid) can recover",
  cancel: "Only an active or past-due subscription can be cancelled",
  resume: "Only a cancelled subscription whose paid period has not ended can be resumed",
  expire: "Only a cancelled, past-due or unpaid subscription expires; cancel it or fail its payment first",
};

/** The page of one sandbox subscription, for its restaurant's owner only. */
export async function getSandboxSubscription(db: Db, ownerId: string, subscriptionId: number, now: Date) {
  const subscription = await db.sandboxSubscription.findFirst({
    where: { id: subscriptionId, restaurant: { ownerId } },
    include: { restaurant: { select: { id: true, name: true } }, invoices: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] } },
  });
  if (!subscription) throw notFound("Sandbox subscription");
  const { customData: _customData, ...rest } = subscription;
  return { ...rest, actions: sandboxActionsFor(subscription, now) };
}

async function lockSubscription(tx: Tx, ownerId: string, subscriptionId: number): Promise<SandboxSubscription> {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT s."id" FROM "SandboxSubscription" s JOIN "Restaurant" r ON r."id" = s."restaurantId"
    WHERE s."id" = ${subscriptionId} AND r."ownerId" = ${ownerId}::uuid
    FOR UPDATE OF s`;
  if (locked.length === 0) throw notFound("Sandbox subscription");
  return tx.sandboxSubscription.findUniqueOrThrow({ where: { id: subscriptionId } });
}

type Change = { events: (subscription: SandboxSubscription) => SandboxEvent[] };

async function applyAction(tx: Tx, current: SandboxSubscription, action: SandboxAction, now: Date, origin: string): Promise<Change & { data: Prisma.SandboxSubscriptionUpdateInput }> {
  const updatedAt = nextVendorTime(current.vendorUpdatedAt, now);
  const invoiceEvents = (invoice: SandboxInvoice, names: string[]) => (subscription: SandboxSubscription) =>
    names.map((name) => invoicePayload(name, invoice, subscription, origin));
  switch (action) {
    case "fail-payment": {
      // The renewal is brought forward to now and its charge fails: the invoice waits (pending) while Lemon Squeezy
      // retries the card, and the subscription is past due from this moment.
      const prices = billingPrices();
      const published = await countPublishedProducts(tx, current.restaurantId);
      const invoice = await tx.sandboxInvoice.create({
        data: {
          subscriptionId: current.id,
          billingReason: "renewal",
          status: "pending",
          currency: prices.currency,
          totalMinor: prices.monthlyFeeMinor + published * prices.productFeeMinor,
          createdAt: now,
          vendorUpdatedAt: now,
        },
      });
      return {
        data: { status: "past_due", renewsAt: now, vendorUpdatedAt: updatedAt },
        events: (subscription) => [...invoiceEvents(invoice, ["subscription_payment_failed"])(subscription), subscriptionPayload("subscription_updated", subscription, origin)],
      };
    }
    case "recover": {
      const pending = await tx.sandboxInvoice.findFirst({ where: { subscriptionId: current.id, status: "pending" }, orderBy: { id: "desc" } });
      const prices = billingPrices();
      const invoice = pending
        ? await tx.sandboxInvoice.update({ where: { id: pending.id }, data: { status: "paid", vendorUpdatedAt: nextVendorTime(pending.vendorUpdatedAt, now) } })
        : await tx.sandboxInvoice.create({
            data: { subscriptionId: current.id, billingReason: "renewal", status: "paid", currency: prices.currency, totalMinor: prices.monthlyFeeMinor, createdAt: now, vendorUpdatedAt: now },
          });
      return {
        data: { status: "active", renewsAt: addOneMonth(now), endsAt: null, vendorUpdatedAt: updatedAt },
        events: (subscription) => [
          ...invoiceEvents(invoice, ["subscription_payment_success", "subscription_payment_recovered"])(subscription),
          subscriptionPayload("subscription_updated", subscription, origin),
        ],
      };
    }
    case "cancel": {
      // Cancelled at the end of the period paid for; a past-due one has no paid time left.
      const endsAt = current.renewsAt && current.renewsAt.getTime() > now.getTime() ? current.renewsAt : now;
      return { data: { status: "cancelled", endsAt, vendorUpdatedAt: updatedAt }, events: (subscription) => [subscriptionPayload("subscription_cancelled", subscription, origin)] };
    }
    case "resume":
      return { data: { status: "active", endsAt: null, vendorUpdatedAt: updatedAt }, events: (subscription) => [subscriptionPayload("subscription_resumed", subscription, origin)] };
    case "expire": {
      // The paid period (or Lemon Squeezy's payment retries) run out now.
      const endsAt = current.endsAt && current.endsAt.getTime() <= now.getTime() ? current.endsAt : now;
      return { data: { status: "expired", endsAt, vendorUpdatedAt: updatedAt }, events: (subscription) => [subscriptionPayload("subscription_expired", subscription, origin)] };
    }
  }
}

async function deliverAll(session: SandboxSession, events: SandboxEvent[]): Promise<void> {
  // One after another: Lemon Squeezy's invoice events name a subscription our side must already hold.
  for (const event of events) await session.deliver(event);
}

/** Plays one of Lemon Squeezy's changes on the owner's sandbox subscription and sends its webhooks. */
export async function changeSandboxSubscription(session: SandboxSession, subscriptionId: number, action: SandboxAction): Promise<SandboxSubscription> {
  const { db, ownerId, now, origin } = session;
  const { subscription, events } = await db.$transaction(async (tx) => {
    const current = await lockSubscription(tx, ownerId, subscriptionId);
    if (!sandboxActionsFor(current, now).includes(action)) {
      throw invalidState(`${REFUSED[action]}; subscription #${current.id} is ${current.status.replace("_", " ")}.`);
    }
    const change = await applyAction(tx, current, action, now, origin);
    const subscription = await tx.sandboxSubscription.update({ where: { id: current.id }, data: change.data });
    return { subscription, events: change.events(subscription) };
  });
  await deliverAll(session, events);
  return subscription;
}

/** The update-payment-method page: a new card for the next charges (subscription_updated carries it). */
export async function updateSandboxCard(session: SandboxSession, subscriptionId: number, card: SandboxCard): Promise<SandboxSubscription> {
  const { db, ownerId, now, origin } = session;
  const subscription = await db.$transaction(async (tx) => {
    const current = await lockSubscription(tx, ownerId, subscriptionId);
    if (current.status === "expired") throw invalidState(`Subscription #${current.id} has expired; take out a new one to pay with this card.`);
    return tx.sandboxSubscription.update({
      where: { id: current.id },
      data: { cardBrand: cardBrandOf(card.number), cardLastFour: card.number.slice(-4), name: card.name, vendorUpdatedAt: nextVendorTime(current.vendorUpdatedAt, now) },
    });
  });
  await deliverAll(session, [subscriptionPayload("subscription_updated", subscription, origin)]);
  return subscription;
}

/** Cancel and resume from the owner's billing page, by the id our side mirrors (the Lemon Squeezy id). */
export function sandboxSubscriptionIdOf(lemonSqueezyId: string): number {
  const id = Number(lemonSqueezyId);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound("Sandbox subscription");
  return id;
}
