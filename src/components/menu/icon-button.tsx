"use client";

import type { LucideIcon } from "lucide-react";
import { Button } from "~/components/ui/button";

type IconButtonProps = {
  icon: LucideIcon;
  /** The accessible name (and tooltip); rows repeat it, so `describedBy` points at what the row is about. */
  label: string;
  describedBy?: string;
  disabled?: boolean;
  pending?: boolean;
  onClick: () => void;
  id?: string;
};

/** A compact row action: an icon with its label for screen readers, and a 40 px target for fingers. */
export function IconButton({ icon: Icon, label, describedBy, disabled, pending, onClick, id }: IconButtonProps) {
  return (
    <Button
      id={id}
      variant="ghost"
      size="sm"
      title={label}
      aria-describedby={describedBy}
      disabled={disabled}
      pending={pending}
      onClick={onClick}
      className="min-h-10 min-w-10 px-2"
    >
      {pending ? null : <Icon aria-hidden className="size-4" />}
      <span className="sr-only">{label}</span>
    </Button>
  );
}
