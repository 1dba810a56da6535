import clsx from "clsx";
import { CircleAlert, CircleCheck, CircleMinus, CircleX, type LucideIcon } from "lucide-react";
import type { WebhookEventStatusFilter } from "~/schemas/webhook-events";

const STYLE: Record<WebhookEventStatusFilter, { icon: LucideIcon; label: string; className: string }> = {
  PROCESSED: { icon: CircleCheck, label: "Processed", className: "bg-emerald-50 text-emerald-900 ring-emerald-300" },
  FAILED: { icon: CircleX, label: "Failed", className: "bg-red-50 text-red-900 ring-red-300" },
  IGNORED: { icon: CircleMinus, label: "Ignored", className: "bg-stone-100 text-stone-800 ring-stone-300" },
  INVALID: { icon: CircleAlert, label: "Invalid", className: "bg-amber-50 text-amber-900 ring-amber-300" },
};

/** The processing status in words and an icon, never colour alone. */
export function WebhookStatusBadge({ status }: { status: WebhookEventStatusFilter }) {
  const { icon: Icon, label, className } = STYLE[status];
  return (
    <span
      data-testid="webhook-status"
      className={clsx("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold whitespace-nowrap ring-1", className)}
    >
      <Icon aria-hidden className="size-3.5" />
      {label}
    </span>
  );
}
