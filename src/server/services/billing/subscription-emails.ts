import type { Prisma, Subscription } from "~/generated/prisma/client";
import type { MenuAccess } from "~/lib/menu-access";
import {
  queueMenuOfflineEmail,
  queuePaymentFailedEmail,
  queuePaymentRecoveredEmail,
  queueSubscriptionCancelledEmail,
  type MenuOfflineReason,
} from "~/server/services/email/billing-emails";

type Tx = Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60 * 1000;

type Change = { restaurantId: string; previous: Subscription | null; next: Subscription; now: Date };

/**
 * Why the menu went offline, and the moment it did, for a restaurant whose access a subscription change just ended.
 * The moment is derived from the subscription (the grace period's end, the paid period's end), not from when the
 * event was processed, so the schedule that notices the same end by the clock queues the same email, once.
 */
function offline(next: Subscription, access: Extract<MenuAccess, { live: false }>, graceDays: number): { reason: MenuOfflineReason; since: Date } | null {
  switch (access.reason) {
    case "GRACE_ENDED": {
      const start = next.pastDueSince ?? next.renewsAt ?? next.sourceUpdatedAt;
      return { reason: "grace-period-ended", since: new Date(start.getTime() + graceDays * DAY_MS) };
    }
    case "SUBSCRIPTION_ENDED":
      return { reason: "subscription-expired", since: next.endsAt ?? next.sourceUpdatedAt };
    case "SUBSCRIPTION_INACTIVE":
      if (next.status === "PAUSED") return { reason: "subscription-paused", since: next.sourceUpdatedAt };
      if (next.status === "UNPAID") return { reason: "subscription-unpaid", since: next.sourceUpdatedAt };
      return { reason: "subscription-expired", since: next.endsAt ?? next.sourceUpdatedAt };
    default:
      // Not approved or a trial that ran out: not a billing change's doing.
      return null;
  }
}

/**
 * The owner's emails that a subscription's change of state calls for, queued in the transaction that applies it:
 * payment failed (once per past-due episode, while its grace period lasts), payment recovered, cancelled (while the
 * paid period lasts), and the menu taken offline. Every one is deduplicated by what it is about, so the several
 * events Lemon Squeezy sends for one change, and their redeliveries, queue it once.
 */
export async function queueSubscriptionEmails(tx: Tx, change: Change, access: { before: MenuAccess; after: MenuAccess; graceDays: number }) {
  const { restaurantId, previous, next, now } = change;

  if (next.status === "PAST_DUE" && next.pastDueSince) {
    const graceEndsAt = new Date(next.pastDueSince.getTime() + access.graceDays * DAY_MS);
    if (graceEndsAt.getTime() > now.getTime()) {
      await queuePaymentFailedEmail(tx, restaurantId, { pastDueSince: next.pastDueSince, graceEndsAt, updatePaymentUrl: next.updatePaymentMethodUrl }, now);
    }
  }

  const failedBefore = previous?.lemonSqueezyId === next.lemonSqueezyId && (previous.status === "PAST_DUE" || previous.status === "UNPAID");
  if (failedBefore && next.status === "ACTIVE") {
    await queuePaymentRecoveredEmail(tx, restaurantId, { pastDueSince: previous.pastDueSince ?? previous.sourceUpdatedAt, renewsAt: next.renewsAt });
  }

  if (next.status === "CANCELLED" && previous?.status !== "CANCELLED" && next.endsAt && next.endsAt.getTime() > now.getTime()) {
    await queueSubscriptionCancelledEmail(tx, restaurantId, { liveUntil: next.endsAt });
  }

  // Live until this change, or a cancelled period whose end Lemon Squeezy now confirms with subscription_expired.
  const endedNow = access.before.live || (previous?.status === "CANCELLED" && next.status === "EXPIRED");
  if (!access.after.live && endedNow) {
    const cause = offline(next, access.after, access.graceDays);
    if (cause) await queueMenuOfflineEmail(tx, restaurantId, { reason: cause.reason, offlineSince: cause.since });
  }
}
