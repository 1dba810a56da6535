import { describe, expect, it } from "vitest";
import {
  canEditRestaurant,
  canSubmitForReview,
  REVIEW_STATE_LABEL,
  REVIEW_STATE_MEANING,
  REVIEW_STATES,
  showsReviewReason,
} from "~/lib/review-state";
import { reviewStateSchema } from "~/schemas/restaurant";

describe("review states", () => {
  it("lists exactly the states the schema accepts, in workflow order", () => {
    expect(REVIEW_STATES).toEqual(["DRAFT", "PENDING", "APPROVED", "REJECTED", "SUSPENDED"]);
    expect([...REVIEW_STATES].sort()).toEqual([...reviewStateSchema.options].sort());
  });

  it.each([
    ["DRAFT", "Draft"],
    ["PENDING", "Waiting for review"],
    ["APPROVED", "Approved"],
    ["REJECTED", "Rejected"],
    ["SUSPENDED", "Suspended"],
  ] as const)("%s is shown as %j", (state, label) => {
    expect(REVIEW_STATE_LABEL[state]).toBe(label);
  });

  it("gives every state a distinct label and an explanation for the owner", () => {
    expect(new Set(REVIEW_STATES.map((state) => REVIEW_STATE_LABEL[state])).size).toBe(REVIEW_STATES.length);
    for (const state of REVIEW_STATES) expect(REVIEW_STATE_MEANING[state].length, state).toBeGreaterThan(20);
  });

  it("lets the owner submit a draft or a rejected restaurant, nothing else", () => {
    expect(REVIEW_STATES.filter(canSubmitForReview)).toEqual(["DRAFT", "REJECTED"]);
  });

  it("lets the owner edit in every state except suspended", () => {
    expect(REVIEW_STATES.filter((state) => !canEditRestaurant(state))).toEqual(["SUSPENDED"]);
  });

  it("shows the admin's reason only while it explains the current state", () => {
    expect(REVIEW_STATES.filter(showsReviewReason)).toEqual(["REJECTED", "SUSPENDED"]);
  });
});
