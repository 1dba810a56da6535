import type { ReactNode } from "react";
import clsx from "clsx";

export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

type FieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Shown after the label but outside it, so the accessible name stays exactly `label`. */
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/** A label, the control, a hint and an error, wired together with ids so screen readers announce all three. */
export function Field({ id, label, hint, error, optional = false, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={clsx("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline gap-2">
        <label htmlFor={id} className="text-sm font-semibold text-stone-800">
          {label}
        </label>
        {optional ? <span className="text-xs text-stone-600">optional</span> : null}
      </div>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={hintId} className="text-sm text-stone-600">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function inputClasses(invalid = false, className?: string): string {
  return clsx(
    "w-full rounded-lg border bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-500 sm:text-sm",
    "disabled:cursor-not-allowed disabled:bg-stone-100 disabled:text-stone-600",
    invalid ? "border-red-600" : "border-stone-300",
    className,
  );
}
