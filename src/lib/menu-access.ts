import type { SubscriptionStatus } from "~/generated/prisma/enums";
import type { ReviewState } from "~/lib/review-state";

// Whether a restaurant's public menu is live, and whether its owner has to pay before growing the menu, is decided
// here and only here: the public menu, its cache, the analytics beacon, the access-end job and the owner's actions
// all go through this function.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The mirrored Lemon Squeezy subscription, as far as access is concerned. */
export type SubscriptionAccessInput = {
  status: SubscriptionStatus;
  /** The next (or, once past due, the missed) renewal. */
  renewsAt: Date | null;
  /** When a cancelled subscription's paid period ends. */
  endsAt: Date | null;
  /** When the subscription last became past due; the grace period runs from here. */
  pastDueSince: Date | null;
};

export type MenuAccessInput = {
  reviewState: ReviewState;
  trialEndsAt: Date | null;
  subscription: SubscriptionAccessInput | null;
};

export type AccessPolicy = {
  /** Days a past-due subscription keeps the menu live (BILLING_GRACE_DAYS). */
  graceDays: number;
};

/** What keeps the menu live. */
export type LiveBasis = "TRIAL" | "SUBSCRIPTION" | "GRACE_PERIOD" | "CANCELLED_PERIOD";

/** Why the menu is not live. */
export type OfflineReason =
  /** Not approved (draft, pending, rejected or suspended): a review matter, not a billing one. */
  | "NOT_APPROVED"
  /** The trial is over and there is no subscription. */
  | "TRIAL_ENDED"
  /** A failed payment was not fixed within the grace period. */
  | "GRACE_ENDED"
  /** A cancelled subscription's paid period is over. */
  | "SUBSCRIPTION_ENDED"
  /** The subscription is paused, unpaid or expired. */
  | "SUBSCRIPTION_INACTIVE";

export type MenuAccess =
  | {
      live: true;
      basis: LiveBasis;
      /** When access runs out if nothing changes (null: not before some event changes it), so caches can expire then. */
      until: Date | null;
      paymentRequired: false;
    }
  | {
      live: false;
      reason: OfflineReason;
      /** An approved restaurant whose access has run out: owner actions that need a plan are refused until it pays. */
      paymentRequired: boolean;
    };

type Grant = { basis: LiveBasis; until: Date | null } | { denied: OfflineReason };

function isAfter(end: Date | null, now: Date): end is Date {
  return end !== null && end.getTime() > now.getTime();
}

/**
 * What the subscription grants by itself. renews_at alone never ends access: a renewal that fails turns the
 * subscription past_due (Lemon Squeezy then retries for about two weeks), and that starts the grace period. Without
 * a recorded pastDueSince the missed renewal is taken as its start.
 */
function subscriptionGrant(subscription: SubscriptionAccessInput, now: Date, policy: AccessPolicy): Grant {
  switch (subscription.status) {
    case "ACTIVE":
      return { basis: "SUBSCRIPTION", until: null };
    case "ON_TRIAL":
      // Lemon Squeezy's own trial: at its end the first charge either succeeds (active) or fails (past_due).
      return { basis: "SUBSCRIPTION", until: null };
    case "PAST_DUE": {
      const since = subscription.pastDueSince ?? subscription.renewsAt;
      if (!since) return { denied: "GRACE_ENDED" };
      const graceEnd = new Date(since.getTime() + policy.graceDays * DAY_MS);
      return isAfter(graceEnd, now) ? { basis: "GRACE_PERIOD", until: graceEnd } : { denied: "GRACE_ENDED" };
    }
    case "CANCELLED":
      return isAfter(subscription.endsAt, now)
        ? { basis: "CANCELLED_PERIOD", until: subscription.endsAt }
        : { denied: "SUBSCRIPTION_ENDED" };
    case "PAUSED":
    case "UNPAID":
    case "EXPIRED":
      return { denied: "SUBSCRIPTION_INACTIVE" };
  }
}

/**
 * The trial and the subscription each grant access on their own; the menu is live while either does, until the
 * later of their ends. So subscribing during the trial never shortens it, and a trial never hides a paid period.
 */
export function menuAccess(input: MenuAccessInput, now: Date, policy: AccessPolicy): MenuAccess {
  if (input.reviewState !== "APPROVED") return { live: false, reason: "NOT_APPROVED", paymentRequired: false };

  const trial: Grant = isAfter(input.trialEndsAt, now) ? { basis: "TRIAL", until: input.trialEndsAt } : { denied: "TRIAL_ENDED" };
  const paid: Grant | null = input.subscription ? subscriptionGrant(input.subscription, now, policy) : null;

  const grants = [paid, trial].filter((grant): grant is Extract<Grant, { basis: LiveBasis }> => grant !== null && "basis" in grant);
  if (grants.length === 0) {
    // The subscription says more than the trial about why access ended, when there is one.
    const reason = paid && "denied" in paid ? paid.denied : "TRIAL_ENDED";
    return { live: false, reason, paymentRequired: true };
  }
  // The grant that lasts longest: an open-ended one (until null) wins; on a tie the subscription's basis is kept.
  const longest = grants.reduce((best, grant) => {
    if (best.until === null) return best;
    if (grant.until === null || grant.until.getTime() > best.until.getTime()) return grant;
    return best;
  });
  return { live: true, basis: longest.basis, until: longest.until, paymentRequired: false };
}

/** Two outcomes that a cached menu and the access-end job cannot tell apart. */
export function sameAccess(a: MenuAccess, b: MenuAccess): boolean {
  if (a.live !== b.live) return false;
  if (a.live && b.live) return a.basis === b.basis && (a.until?.getTime() ?? null) === (b.until?.getTime() ?? null);
  return !a.live && !b.live && a.reason === b.reason && a.paymentRequired === b.paymentRequired;
}
