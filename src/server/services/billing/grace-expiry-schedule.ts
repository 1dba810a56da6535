import type { Subscription } from "~/generated/prisma/client";
import type { Db } from "~/server/db-client";
import { publishMenuChange } from "~/server/cache/menu-cache";
import { queueMenuOfflineEmail } from "~/server/services/email/billing-emails";
import { accessInclude, accessPolicy, restaurantAccess } from "./restaurant-access";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long after a grace period's end the schedule still acts on it: a schedule that was down catches up. */
export const GRACE_EXPIRY_LOOKBACK_MS = 3 * DAY_MS;

/**
 * When a past-due subscription's grace period ends. Computed exactly as subscription-emails.ts dates its
 * "grace-period-ended" menu-offline email, so that whichever notices the end first (a late webhook event or this
 * schedule) queues the one email both would.
 */
export function graceEndOf(subscription: Pick<Subscription, "pastDueSince" | "renewsAt" | "sourceUpdatedAt">, graceDays: number): Date {
  const start = subscription.pastDueSince ?? subscription.renewsAt ?? subscription.sourceUpdatedAt;
  return new Date(start.getTime() + graceDays * DAY_MS);
}

/**
 * The hourly grace-expiry schedule. A subscription that stays past_due beyond BILLING_GRACE_DAYS takes the menu
 * offline with no event to say so; this finds those whose grace ended (within the lookback) while the restaurant
 * is approved and nothing else keeps its menu live, and, in one transaction per restaurant, queues the
 * menu-offline email and publishes the menu's cache tag so the public page drops it. The email's dedupe key makes
 * the first run that sees an end the only one that acts on it: a repeated or racing run, or one after the
 * webhook already took the menu offline, finds the email queued and changes nothing. (A restaurant whose owner was
 * deleted gets no email and no announcement from here; the menu-access-ends job queued when the subscription went
 * past due drops its page at the same moment.)
 */
export async function runGraceExpirySchedule(db: Db, now: Date): Promise<{ offline: number }> {
  const policy = accessPolicy();
  const pastDue = await db.subscription.findMany({
    where: { status: "PAST_DUE", restaurant: { reviewState: "APPROVED" } },
    select: {
      restaurantId: true,
      pastDueSince: true,
      renewsAt: true,
      sourceUpdatedAt: true,
      restaurant: { select: { reviewState: true, trialEndsAt: true, ...accessInclude } },
    },
  });

  let offline = 0;
  for (const subscription of pastDue) {
    const graceEnd = graceEndOf(subscription, policy.graceDays);
    if (graceEnd.getTime() > now.getTime() || graceEnd.getTime() <= now.getTime() - GRACE_EXPIRY_LOOKBACK_MS) continue;
    const access = restaurantAccess(subscription.restaurant, now, policy);
    if (access.live || access.reason !== "GRACE_ENDED") continue;
    const acted = await db.$transaction(async (tx) => {
      const emailId = await queueMenuOfflineEmail(tx, subscription.restaurantId, { reason: "grace-period-ended", offlineSince: graceEnd });
      if (!emailId) return false;
      await publishMenuChange(tx, subscription.restaurantId);
      return true;
    });
    if (acted) offline += 1;
  }
  return { offline };
}
