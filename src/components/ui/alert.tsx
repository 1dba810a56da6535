import type { ReactNode } from "react";
import clsx from "clsx";
import { CircleAlert, Info } from "lucide-react";

type AlertProps = { tone?: "error" | "info"; title?: string; children: ReactNode; className?: string; id?: string };

/** Errors are announced (role=alert); information is not, so it does not interrupt a screen reader. */
export function Alert({ tone = "info", title, children, className, id }: AlertProps) {
  const Icon = tone === "error" ? CircleAlert : Info;
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : undefined}
      className={clsx(
        "flex gap-3 rounded-xl border p-4 text-sm",
        tone === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-sky-200 bg-sky-50 text-sky-950",
        className,
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0">
        {title ? <p className="font-semibold">{title}</p> : null}
        <div className={clsx(title && "mt-1")}>{children}</div>
      </div>
    </div>
  );
}
