import clsx from "clsx";
import { Hourglass } from "lucide-react";
import { trialDaysLeft } from "~/lib/trial";
import { trialLabel } from "~/lib/trial-label";

type TrialDaysLeftProps = { trialEndsAt: Date | null; now: Date; className?: string };

export function TrialDaysLeft({ trialEndsAt, now, className }: TrialDaysLeftProps) {
  if (!trialEndsAt) return null;
  const days = trialDaysLeft(trialEndsAt, now);
  return (
    <p
      data-testid="trial-days-left"
      className={clsx("inline-flex items-center gap-1.5 text-sm font-medium", days > 0 ? "text-emerald-800" : "text-red-800", className)}
    >
      <Hourglass aria-hidden className="size-4" />
      Trial: {trialLabel(days)}
    </p>
  );
}
