import type { Db } from "~/server/db-client";
import type { Prisma, Restaurant } from "~/generated/prisma/client";
import type { ReviewState } from "~/generated/prisma/enums";
import { invalidState, notFound } from "~/server/errors";
import { writeAudit } from "~/server/services/audit/write-audit";
import { restaurantSnapshot } from "~/server/services/restaurants/restaurant-snapshot";
import { trialEndFor } from "~/lib/trial";
import { publishMenuChange } from "~/server/cache/menu-cache";
import { scheduleAccessEnd } from "~/server/services/public-menu/schedule-access-end";
import { queueRestaurantApprovedEmail, queueRestaurantRejectedEmail } from "~/server/services/email/restaurant-emails";
import { accessInclude } from "~/server/services/billing/restaurant-access";
import { queueUsageReport } from "~/server/services/billing/queue-usage-report";

type Transition = {
  action: string;
  /** What the admin tried, for the message when the state does not allow it: "approve", "reject", … */
  verb: string;
  from: readonly ReviewState[];
  data: (restaurant: Restaurant) => Prisma.RestaurantUpdateManyMutationInput;
  reason?: string;
  /** The email this transition sends, queued in its transaction. */
  email?: (tx: Prisma.TransactionClient, restaurant: Restaurant) => Promise<unknown>;
};

// Why an action is refused, in words an admin can act on.
const STATE_EXPLAINED: Record<ReviewState, string> = {
  DRAFT: "it is still a draft; the owner has not submitted it for review",
  PENDING: "it is waiting for review",
  APPROVED: "it is already approved",
  REJECTED: "it was rejected; the owner has to edit and resubmit it first",
  SUSPENDED: "it is already suspended",
};

// A suspended restaurant goes back to the state it was suspended from, with that state's reason (a rejected
// restaurant stays rejected for the same reason). A row suspended outside the app (e.g. by SQL) has no
// record of it, and its dates decide.
function stateBeforeSuspension(restaurant: Restaurant): { reviewState: ReviewState; reviewReason: string | null } {
  if (restaurant.suspendedFromState) {
    return { reviewState: restaurant.suspendedFromState, reviewReason: restaurant.suspendedFromReason };
  }
  if (restaurant.trialStartsAt) return { reviewState: "APPROVED", reviewReason: null };
  return { reviewState: restaurant.submittedAt ? "PENDING" : "DRAFT", reviewReason: null };
}

async function transition(db: Db, adminId: string, restaurantId: string, now: Date, change: Transition) {
  return db.$transaction(async (tx) => {
    const before = await tx.restaurant.findUnique({ where: { id: restaurantId } });
    if (!before) throw notFound("Restaurant");
    if (!change.from.includes(before.reviewState)) {
      throw invalidState(`Cannot ${change.verb} this restaurant: ${STATE_EXPLAINED[before.reviewState]}`);
    }
    // Guarded by the state we read: if another admin acted in between, nothing is changed twice.
    const { count } = await tx.restaurant.updateMany({
      where: { id: restaurantId, reviewState: before.reviewState },
      data: { ...change.data(before), reviewedById: adminId, reviewedAt: now },
    });
    if (count === 0) throw invalidState("Another admin changed this restaurant meanwhile; reload and try again");
    const after = await tx.restaurant.findUniqueOrThrow({ where: { id: restaurantId }, include: accessInclude });
    await publishMenuChange(tx, restaurantId);
    await scheduleAccessEnd(tx, after, now);
    // Suspending or restoring an approved restaurant changes how many products it publishes.
    await queueUsageReport(tx, restaurantId);
    await change.email?.(tx, after);
    await writeAudit(tx, {
      actorId: adminId,
      action: change.action,
      targetType: "restaurant",
      targetId: restaurantId,
      before: restaurantSnapshot(before),
      after: restaurantSnapshot(after),
      reason: change.reason ?? null,
    });
    return after;
  });
}

export function approveRestaurant(db: Db, adminId: string, restaurantId: string, now: Date) {
  return transition(db, adminId, restaurantId, now, {
    action: "restaurant.approved",
    verb: "approve",
    from: ["PENDING"],
    data: (restaurant) => ({
      reviewState: "APPROVED",
      reviewReason: null,
      // A restaurant gets one trial; it starts at its first approval.
      trialStartsAt: restaurant.trialStartsAt ?? now,
      trialEndsAt: restaurant.trialEndsAt ?? trialEndFor(now),
    }),
    email: queueRestaurantApprovedEmail,
  });
}

export function rejectRestaurant(db: Db, adminId: string, restaurantId: string, reason: string, now: Date) {
  return transition(db, adminId, restaurantId, now, {
    action: "restaurant.rejected",
    verb: "reject",
    from: ["PENDING"],
    reason,
    data: () => ({ reviewState: "REJECTED", reviewReason: reason }),
    email: queueRestaurantRejectedEmail,
  });
}

export function suspendRestaurant(db: Db, adminId: string, restaurantId: string, reason: string, now: Date) {
  return transition(db, adminId, restaurantId, now, {
    action: "restaurant.suspended",
    verb: "suspend",
    from: ["DRAFT", "PENDING", "APPROVED", "REJECTED"],
    reason,
    data: (restaurant) => ({
      reviewState: "SUSPENDED",
      reviewReason: reason,
      suspendedFromState: restaurant.reviewState,
      suspendedFromReason: restaurant.reviewReason,
    }),
  });
}

export function restoreRestaurant(db: Db, adminId: string, restaurantId: string, reason: string, now: Date) {
  return transition(db, adminId, restaurantId, now, {
    action: "restaurant.restored",
    verb: "restore",
    from: ["SUSPENDED"],
    reason,
    data: (restaurant) => ({ ...stateBeforeSuspension(restaurant), suspendedFromState: null, suspendedFromReason: null }),
  });
}
