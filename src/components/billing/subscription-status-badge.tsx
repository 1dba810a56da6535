import clsx from "clsx";
import { Ban, CircleAlert, CircleCheck, CirclePause, Clock, Hourglass, type LucideIcon } from "lucide-react";
import type { SubscriptionStatus } from "~/generated/prisma/enums";
import { SUBSCRIPTION_STATUS_LABEL } from "~/lib/billing-labels";

type BadgeState = SubscriptionStatus | "TRIAL" | "NONE";

const STYLE: Record<BadgeState, { icon: LucideIcon; className: string; label: string }> = {
  TRIAL: { icon: Hourglass, className: "bg-sky-50 text-sky-900 ring-sky-300", label: "Free trial" },
  NONE: { icon: Ban, className: "bg-stone-100 text-stone-800 ring-stone-300", label: "No subscription" },
  ON_TRIAL: { icon: Hourglass, className: "bg-sky-50 text-sky-900 ring-sky-300", label: SUBSCRIPTION_STATUS_LABEL.ON_TRIAL },
  ACTIVE: { icon: CircleCheck, className: "bg-emerald-50 text-emerald-900 ring-emerald-300", label: SUBSCRIPTION_STATUS_LABEL.ACTIVE },
  PAST_DUE: { icon: CircleAlert, className: "bg-amber-50 text-amber-900 ring-amber-300", label: SUBSCRIPTION_STATUS_LABEL.PAST_DUE },
  UNPAID: { icon: CircleAlert, className: "bg-red-50 text-red-900 ring-red-300", label: SUBSCRIPTION_STATUS_LABEL.UNPAID },
  PAUSED: { icon: CirclePause, className: "bg-stone-100 text-stone-800 ring-stone-300", label: SUBSCRIPTION_STATUS_LABEL.PAUSED },
  CANCELLED: { icon: Clock, className: "bg-stone-100 text-stone-800 ring-stone-300", label: SUBSCRIPTION_STATUS_LABEL.CANCELLED },
  EXPIRED: { icon: Ban, className: "bg-stone-800 text-white ring-stone-800", label: SUBSCRIPTION_STATUS_LABEL.EXPIRED },
};

/** The plan's state in words and an icon, never colour alone. Tests find it by its test id. */
export function SubscriptionStatusBadge({ state }: { state: BadgeState }) {
  const { icon: Icon, className, label } = STYLE[state];
  return (
    <span
      data-testid="subscription-status"
      className={clsx("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold whitespace-nowrap ring-1", className)}
    >
      <Icon aria-hidden className="size-3.5" />
      {label}
    </span>
  );
}
