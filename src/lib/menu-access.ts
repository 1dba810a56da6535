import type { ReviewState } from "~/lib/review-state";

// Whether a restaurant's public menu is live is decided here and only here. The billing issue extends the input
// with the mirrored subscription (status, period end, grace days); every caller already goes through this.

export type MenuAccessInput = {
  reviewState: ReviewState;
  trialEndsAt: Date | null;
};

export type MenuAccess = { live: true; until: Date | null } | { live: false; reason: "NOT_APPROVED" | "NO_ACCESS" };

/** `until` is when access runs out if nothing changes, so a cached menu can be told to expire then. */
export function menuAccess(input: MenuAccessInput, now: Date): MenuAccess {
  if (input.reviewState !== "APPROVED") return { live: false, reason: "NOT_APPROVED" };
  if (input.trialEndsAt && input.trialEndsAt.getTime() > now.getTime()) return { live: true, until: input.trialEndsAt };
  return { live: false, reason: "NO_ACCESS" };
}
