import clsx from "clsx";
import type { ReviewState } from "~/lib/review-state";

type ReviewReasonProps = { state: ReviewState; reason: string; className?: string };

export function ReviewReason({ state, reason, className }: ReviewReasonProps) {
  return (
    <div
      data-testid="review-reason"
      className={clsx(
        "rounded-xl border px-3 py-2 text-sm",
        state === "SUSPENDED" ? "border-stone-300 bg-stone-100 text-stone-900" : "border-red-200 bg-red-50 text-red-950",
        className,
      )}
    >
      <p className="font-semibold">{state === "SUSPENDED" ? "Why it was suspended" : "What the reviewer asked for"}</p>
      <p className="mt-0.5 break-words whitespace-pre-line">{reason}</p>
    </div>
  );
}
