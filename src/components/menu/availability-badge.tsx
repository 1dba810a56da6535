import clsx from "clsx";
import { CircleCheck, CircleSlash, EyeOff, type LucideIcon } from "lucide-react";
import { AVAILABILITY_LABEL, type Availability } from "~/components/menu/menu-labels";

const STYLE: Record<Availability, { icon: LucideIcon; className: string }> = {
  AVAILABLE: { icon: CircleCheck, className: "bg-emerald-50 text-emerald-900 ring-emerald-300" },
  SOLD_OUT: { icon: CircleSlash, className: "bg-amber-50 text-amber-900 ring-amber-300" },
  HIDDEN: { icon: EyeOff, className: "bg-stone-100 text-stone-800 ring-stone-300" },
};

/** The availability in words and an icon, never colour alone. Tests find it by its test id. */
export function AvailabilityBadge({ availability, className }: { availability: Availability; className?: string }) {
  const { icon: Icon, className: tone } = STYLE[availability];
  return (
    <span
      data-testid="availability"
      className={clsx("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold whitespace-nowrap ring-1", tone, className)}
    >
      <Icon aria-hidden className="size-3.5" />
      {AVAILABILITY_LABEL[availability]}
    </span>
  );
}
