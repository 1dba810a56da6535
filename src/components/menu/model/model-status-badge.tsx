import clsx from "clsx";
import { CircleAlert, CircleCheck, LoaderCircle, type LucideIcon } from "lucide-react";
import type { ModelView } from "~/components/menu/model/model-types";

type Style = { label: string; icon: LucideIcon; className: string };

// Queued and running are one state to the owner: the model is not ready yet and nothing is asked of them.
const IN_PROGRESS: Style = { label: "Processing…", icon: LoaderCircle, className: "bg-sky-50 text-sky-950 ring-sky-300 [&>svg]:animate-spin" };

const STYLE: Record<ModelView["status"], Style> = {
  PENDING: IN_PROGRESS,
  PROCESSING: IN_PROGRESS,
  READY: { label: "Ready", icon: CircleCheck, className: "bg-emerald-50 text-emerald-900 ring-emerald-300" },
  FAILED: { label: "Failed", icon: CircleAlert, className: "bg-red-50 text-red-900 ring-red-300" },
};

/** A live region, so a screen reader hears the model become ready or fail while the owner is elsewhere on the page. */
export function ModelStatusBadge({ model }: { model: Pick<ModelView, "status" | "failureReason"> }) {
  const { label, icon: Icon, className } = STYLE[model.status];
  return (
    <p role="status" data-testid="model-status" className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className={clsx("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold whitespace-nowrap ring-1", className)}>
        <Icon aria-hidden className="size-3.5" />
        {label}
      </span>
      {model.status === "FAILED" ? (
        <span className="text-red-800">
          <span className="sr-only">: </span>
          {model.failureReason ?? "The model could not be optimised; upload it again."}
        </span>
      ) : null}
    </p>
  );
}
