import { formatDateTimeUtc } from "~/lib/format-time";
import { showsReviewReason, type ReviewState } from "~/lib/review-state";
import { Card } from "~/components/ui/card";
import { DefinitionList } from "~/components/admin/definition-list";
import { ReviewActions } from "~/components/admin/review-actions";
import { ReviewReason } from "~/components/restaurants/review-reason";
import { ReviewStateBadge } from "~/components/restaurants/review-state-badge";
import { TrialDaysLeft } from "~/components/restaurants/trial-days-left";

type Person = { name: string | null; email: string };

type RestaurantReviewCardProps = {
  restaurant: {
    id: string;
    name: string;
    reviewState: ReviewState;
    reviewReason: string | null;
    submittedAt: Date | null;
    reviewedAt: Date | null;
    reviewedBy: Person | null;
    trialStartsAt: Date | null;
    trialEndsAt: Date | null;
  };
  now: Date;
};

const when = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{formatDateTimeUtc(date)}</time> : "");

export function RestaurantReviewCard({ restaurant, now }: RestaurantReviewCardProps) {
  const state = restaurant.reviewState;
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby="review-title" className="flex flex-col gap-4">
        <div className="flex items-center justify-between gap-3">
          <h2 id="review-title" className="text-base font-semibold text-stone-900">
            Review
          </h2>
          <ReviewStateBadge state={state} />
        </div>
        {showsReviewReason(state) && restaurant.reviewReason ? <ReviewReason state={state} reason={restaurant.reviewReason} /> : null}
        {restaurant.trialEndsAt && state === "APPROVED" ? <TrialDaysLeft trialEndsAt={restaurant.trialEndsAt} now={now} /> : null}
        <DefinitionList
          items={[
            { term: "Submitted", value: when(restaurant.submittedAt) },
            {
              term: "Last decision",
              value: restaurant.reviewedAt ? (
                <>
                  {when(restaurant.reviewedAt)}
                  {restaurant.reviewedBy ? ` by ${restaurant.reviewedBy.name ?? restaurant.reviewedBy.email}` : ""}
                </>
              ) : (
                ""
              ),
            },
            { term: "Trial", value: restaurant.trialStartsAt ? <>{when(restaurant.trialStartsAt)} to {when(restaurant.trialEndsAt)}</> : "" },
          ]}
        />
        <ReviewActions restaurant={{ id: restaurant.id, name: restaurant.name, reviewState: state }} />
      </section>
    </Card>
  );
}
