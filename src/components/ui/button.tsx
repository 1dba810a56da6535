"use client";

import type { ButtonHTMLAttributes } from "react";
import { LoaderCircle } from "lucide-react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "~/components/ui/button-styles";
import { useHydrated } from "~/components/forms/use-hydrated";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and shows a spinner; the label stays so the accessible name does not change. */
  pending?: boolean;
};

/** A button that runs JavaScript; it is disabled in the server HTML until the page has hydrated. */
export function Button({ variant, size, pending = false, className, children, disabled, type = "button", ...rest }: ButtonProps) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      className={buttonClasses(variant, size, className)}
      disabled={disabled || pending || !hydrated}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : null}
      {children}
    </button>
  );
}
