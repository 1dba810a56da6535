import Link from "next/link";
import { ChevronRight, MapPin, UtensilsCrossed } from "lucide-react";
import { showsReviewReason, type ReviewState } from "~/lib/review-state";
import { ReviewReason } from "~/components/restaurants/review-reason";
import { ReviewStateBadge } from "~/components/restaurants/review-state-badge";
import { TrialDaysLeft } from "~/components/restaurants/trial-days-left";

export type RestaurantSummary = {
  id: string;
  name: string;
  slug: string;
  city: string;
  reviewState: ReviewState;
  reviewReason: string | null;
  trialEndsAt: Date | null;
};

export function RestaurantCard({ restaurant, now }: { restaurant: RestaurantSummary; now: Date }) {
  const headingId = `restaurant-${restaurant.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="relative flex h-full flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id={headingId} className="min-w-0 text-lg font-semibold break-words text-stone-900">
          {/* The link covers the whole card, so the card is one tap target with one accessible name. */}
          <Link href={`/dashboard/restaurants/${restaurant.id}`} className="outline-none after:absolute after:inset-0 after:rounded-2xl">
            {restaurant.name}
          </Link>
        </h2>
        <ReviewStateBadge state={restaurant.reviewState} className="shrink-0" />
      </div>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
        <span className="font-mono break-all">/m/{restaurant.slug}</span>
        {restaurant.city ? (
          <span className="inline-flex items-center gap-1">
            <MapPin aria-hidden className="size-3.5" />
            {restaurant.city}
          </span>
        ) : null}
      </p>
      {restaurant.reviewState === "APPROVED" ? <TrialDaysLeft trialEndsAt={restaurant.trialEndsAt} now={now} /> : null}
      {showsReviewReason(restaurant.reviewState) && restaurant.reviewReason ? (
        <ReviewReason state={restaurant.reviewState} reason={restaurant.reviewReason} />
      ) : null}
      <div className="mt-auto flex items-center justify-between gap-3 pt-1">
        <p aria-hidden className="inline-flex items-center gap-1 text-sm font-semibold text-brand-700">
          Manage
          <ChevronRight className="size-4" />
        </p>
        {/* Above the card-wide link, so it is a second target of its own. */}
        <Link
          href={`/dashboard/restaurants/${restaurant.id}/menu`}
          aria-describedby={headingId}
          className="relative z-10 inline-flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm font-semibold text-stone-700 hover:bg-stone-100 hover:text-brand-800"
        >
          <UtensilsCrossed aria-hidden className="size-4" />
          Edit menu
        </Link>
      </div>
    </article>
  );
}
