import clsx from "clsx";
import { Ban, CircleCheck, CircleX, Clock, FilePen, type LucideIcon } from "lucide-react";
import { REVIEW_STATE_LABEL, type ReviewState } from "~/lib/review-state";

const STYLE: Record<ReviewState, { icon: LucideIcon; className: string }> = {
  DRAFT: { icon: FilePen, className: "bg-stone-100 text-stone-800 ring-stone-300" },
  PENDING: { icon: Clock, className: "bg-amber-50 text-amber-900 ring-amber-300" },
  APPROVED: { icon: CircleCheck, className: "bg-emerald-50 text-emerald-900 ring-emerald-300" },
  REJECTED: { icon: CircleX, className: "bg-red-50 text-red-900 ring-red-300" },
  SUSPENDED: { icon: Ban, className: "bg-stone-800 text-white ring-stone-800" },
};

/** The state in words and an icon, never colour alone. Tests find it by its test id. */
export function ReviewStateBadge({ state, className }: { state: ReviewState; className?: string }) {
  const { icon: Icon, className: tone } = STYLE[state];
  return (
    <span
      data-testid="review-state"
      className={clsx("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold whitespace-nowrap ring-1", tone, className)}
    >
      <Icon aria-hidden className="size-3.5" />
      {REVIEW_STATE_LABEL[state]}
    </span>
  );
}
