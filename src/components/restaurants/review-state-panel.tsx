import { REVIEW_STATE_MEANING, canSubmitForReview, showsReviewReason, type ReviewState } from "~/lib/review-state";
import { Card } from "~/components/ui/card";
import { ReviewReason } from "~/components/restaurants/review-reason";
import { ReviewStateBadge } from "~/components/restaurants/review-state-badge";
import { SubmitForReviewButton } from "~/components/restaurants/submit-for-review-button";
import { TrialDaysLeft } from "~/components/restaurants/trial-days-left";

type ReviewStatePanelProps = {
  restaurant: { id: string; reviewState: ReviewState; reviewReason: string | null; trialEndsAt: Date | null };
  now: Date;
};

export function ReviewStatePanel({ restaurant, now }: ReviewStatePanelProps) {
  const state = restaurant.reviewState;
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby="review-state-title" className="flex flex-col gap-4">
        <div className="flex items-center justify-between gap-3">
          <h2 id="review-state-title" className="text-base font-semibold text-stone-900">
            Review
          </h2>
          <ReviewStateBadge state={state} />
        </div>
        <p className="text-sm text-stone-700">{REVIEW_STATE_MEANING[state]}</p>
        {state === "APPROVED" ? <TrialDaysLeft trialEndsAt={restaurant.trialEndsAt} now={now} /> : null}
        {showsReviewReason(state) && restaurant.reviewReason ? <ReviewReason state={state} reason={restaurant.reviewReason} /> : null}
        {canSubmitForReview(state) ? (
          <div className="flex flex-col gap-2">
            <SubmitForReviewButton restaurantId={restaurant.id} resubmit={state === "REJECTED"} />
            <p className="text-xs text-stone-600">The reviewer sees the details as they are saved now.</p>
          </div>
        ) : null}
      </section>
    </Card>
  );
}
