import clsx from "clsx";
import { CircleCheck, CircleX, Clock, type LucideIcon } from "lucide-react";
import type { EmailStatusFilter } from "~/schemas/emails";

const STYLE: Record<EmailStatusFilter, { icon: LucideIcon; label: string; className: string }> = {
  PENDING: { icon: Clock, label: "Pending", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  SENT: { icon: CircleCheck, label: "Sent", className: "bg-emerald-50 text-emerald-900 ring-emerald-300" },
  FAILED: { icon: CircleX, label: "Failed", className: "bg-red-50 text-red-900 ring-red-300" },
};

/** The delivery status in words and an icon, never colour alone. */
export function EmailStatusBadge({ status }: { status: EmailStatusFilter }) {
  const { icon: Icon, label, className } = STYLE[status];
  return (
    <span
      data-testid="email-status"
      className={clsx("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold whitespace-nowrap ring-1", className)}
    >
      <Icon aria-hidden className="size-3.5" />
      {label}
    </span>
  );
}
