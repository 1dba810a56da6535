import type { Prisma, Subscription } from "~/generated/prisma/client";
import { sameAccess } from "~/lib/menu-access";
import { publishMenuChange } from "~/server/cache/menu-cache";
import { writeAudit } from "~/server/services/audit/write-audit";
import { scheduleAccessEnd } from "~/server/services/public-menu/schedule-access-end";
import { queueUsageReport } from "./queue-usage-report";
import { accessPolicy, restaurantAccess } from "./restaurant-access";
import { queueSubscriptionEmails } from "./subscription-emails";

type Tx = Prisma.TransactionClient;

export type SubscriptionTransition = {
  restaurantId: string;
  /** The Lemon Squeezy event that caused it, e.g. subscription_updated. */
  eventName: string;
  /** The restaurant's subscription before the event (null: it had none). */
  previous: Subscription | null;
  next: Subscription;
  now: Date;
};

const snapshot = (subscription: Subscription | null): Prisma.InputJsonValue | null =>
  subscription && {
    lemonSqueezyId: subscription.lemonSqueezyId,
    status: subscription.status,
    renewsAt: subscription.renewsAt?.toISOString() ?? null,
    endsAt: subscription.endsAt?.toISOString() ?? null,
    pastDueSince: subscription.pastDueSince?.toISOString() ?? null,
  };

function stateChanged(previous: Subscription | null, next: Subscription): boolean {
  return JSON.stringify(snapshot(previous)) !== JSON.stringify(snapshot(next));
}

/**
 * Everything that follows from a subscription's change of state, in the transaction that records it: the audit
 * entry, and when the menu's access changed, the cache announcement and the job for the new end of access. This is
 * the one place a transition's side effects belong (the owner's emails are enqueued here too).
 */
export async function applySubscriptionTransition(tx: Tx, change: SubscriptionTransition): Promise<void> {
  if (stateChanged(change.previous, change.next)) {
    await writeAudit(tx, {
      actorId: null,
      action: `subscription.${change.next.status.toLowerCase()}`,
      targetType: "restaurant",
      targetId: change.restaurantId,
      before: snapshot(change.previous),
      after: snapshot(change.next),
      reason: `Lemon Squeezy ${change.eventName}`,
    });
  }

  const restaurant = await tx.restaurant.findUniqueOrThrow({
    where: { id: change.restaurantId },
    select: { id: true, reviewState: true, trialEndsAt: true },
  });
  const policy = accessPolicy();
  const before = restaurantAccess({ ...restaurant, subscription: change.previous }, change.now, policy);
  const after = restaurantAccess({ ...restaurant, subscription: change.next }, change.now, policy);
  await queueSubscriptionEmails(tx, change, { before, after, graceDays: policy.graceDays });
  // A new subscription item (a first or a replacing subscription) starts with no usage: report the count to it.
  if (change.next.subscriptionItemId && change.next.subscriptionItemId !== change.previous?.subscriptionItemId) {
    await queueUsageReport(tx, change.restaurantId);
  }
  if (sameAccess(before, after)) return;
  await publishMenuChange(tx, change.restaurantId);
  await scheduleAccessEnd(tx, { ...restaurant, subscription: change.next }, change.now);
}
