import type { z } from "zod";
import type { reviewStateSchema } from "~/schemas/restaurant";

export type ReviewState = z.infer<typeof reviewStateSchema>;

export const REVIEW_STATES: readonly ReviewState[] = ["DRAFT", "PENDING", "APPROVED", "REJECTED", "SUSPENDED"];

// Owners read these; the words match what the admin pages say so both sides talk about the same thing.
export const REVIEW_STATE_LABEL: Record<ReviewState, string> = {
  DRAFT: "Draft",
  PENDING: "Waiting for review",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  SUSPENDED: "Suspended",
};

export const REVIEW_STATE_MEANING: Record<ReviewState, string> = {
  DRAFT: "Only you can see this restaurant. When its details are right, submit it for review.",
  PENDING: "An admin is checking the details. You can keep editing while you wait.",
  APPROVED: "Your restaurant is approved and its free trial has started.",
  REJECTED: "An admin asked for changes. Fix what the reason says, save, and resubmit for review.",
  SUSPENDED: "An admin suspended this restaurant: its menu is offline and its details cannot be edited. Contact support to sort it out.",
};

export function canSubmitForReview(state: ReviewState): boolean {
  return state === "DRAFT" || state === "REJECTED";
}

export function canEditRestaurant(state: ReviewState): boolean {
  return state !== "SUSPENDED";
}

/** The reason is only news to the owner while it still explains the current state. */
export function showsReviewReason(state: ReviewState): boolean {
  return state === "REJECTED" || state === "SUSPENDED";
}
