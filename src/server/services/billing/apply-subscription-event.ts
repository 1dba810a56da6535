import type { Prisma } from "~/generated/prisma/client";
import type { SubscriptionAttributes, SubscriptionEventName } from "~/schemas/lemon-squeezy-webhook";
import type { EventOutcome } from "./event-outcome";
import { resolveRestaurant } from "./resolve-restaurant";
import { isReplaceable, subscriptionStateFrom } from "./subscription-state";
import { applySubscriptionTransition } from "./subscription-transition";
import { WebhookRejectedError } from "./webhook-rejection";

type Tx = Prisma.TransactionClient;

type SubscriptionEvent = {
  name: SubscriptionEventName;
  resourceId: string;
  restaurantId: string | null;
  attributes: SubscriptionAttributes;
};

/**
 * Mirrors the subscription the event carries. Every subscription event carries the whole resource, so each one is
 * applied the same way, whatever its name says happened; an event about an older version of the resource than the
 * one we hold changes nothing.
 */
export async function applySubscriptionEvent(tx: Tx, event: SubscriptionEvent, now: Date): Promise<EventOutcome> {
  const known = await tx.subscription.findUnique({ where: { lemonSqueezyId: event.resourceId } });
  const restaurantId = await resolveRestaurant(tx, event, known);
  // Read again under the restaurant's lock: a concurrent event may have written it meanwhile.
  const current = await tx.subscription.findUnique({ where: { restaurantId } });
  const updatedAt = new Date(event.attributes.updated_at);

  if (current && current.lemonSqueezyId === event.resourceId) {
    // Equal times are applied: Lemon Squeezy's updated_at has whole seconds, and two changes within one second
    // (created, then updated) must not lose the second. A replayed event is caught by its dedupe key before this.
    if (updatedAt.getTime() < current.sourceUpdatedAt.getTime()) {
      return {
        status: "IGNORED",
        restaurantId,
        note: `Older than the subscription we hold (updated_at ${event.attributes.updated_at} < ${current.sourceUpdatedAt.toISOString()}); nothing was changed`,
      };
    }
  } else if (current && !isReplaceable(current.status)) {
    const incoming = subscriptionStateFrom(event.resourceId, event.attributes, null);
    if (isReplaceable(incoming.status)) {
      return {
        status: "IGNORED",
        restaurantId,
        note: `About subscription ${event.resourceId} (${event.attributes.status}), which is not the restaurant's current one (${current.lemonSqueezyId}, ${current.status.toLowerCase()}); nothing was changed`,
      };
    }
    throw new WebhookRejectedError(
      `Restaurant ${restaurantId} already has subscription ${current.lemonSqueezyId} (${current.status.toLowerCase()}) and this ${event.name} is about another one, ${event.resourceId} (${event.attributes.status}); cancel one of them in Lemon Squeezy, then re-process this event`,
    );
  }

  const state = subscriptionStateFrom(event.resourceId, event.attributes, current);
  const next = current
    ? await tx.subscription.update({ where: { id: current.id }, data: state })
    : await tx.subscription.create({ data: { ...state, restaurantId } });
  await applySubscriptionTransition(tx, { restaurantId, eventName: event.name, previous: current, next, now });
  return { status: "PROCESSED", restaurantId, note: null };
}
