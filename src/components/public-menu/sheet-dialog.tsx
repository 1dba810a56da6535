"use client";

import { useEffect, useRef, type ReactNode } from "react";
import clsx from "clsx";
import { X } from "lucide-react";

type SheetDialogProps = {
  open: boolean;
  /** Names the dialog for screen readers: the id of its heading (or several ids, space-separated). */
  labelledBy: string;
  onClose: () => void;
  /** "sheet" rises from the bottom of a phone (centred on wider screens); "full" fills a phone's screen. */
  variant: "sheet" | "full";
  /** Keeps the content while closed (the 3D viewer keeps its one <model-viewer>); otherwise each opening starts afresh. */
  keepMounted?: boolean;
  children: ReactNode;
};

/**
 * A native modal <dialog>: the browser traps focus, closes it on Escape, makes the menu behind it inert and returns
 * focus to the button that opened it. A tap on the backdrop closes it too, as on every phone sheet.
 */
export function SheetDialog({ open, labelledBy, onClose, variant, keepMounted = false, children }: SheetDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onClick={(event) => {
        // Only the dialog's own box is the backdrop's stand-in: its content fills it edge to edge.
        if (event.target === event.currentTarget) onClose();
      }}
      className={clsx(
        "overflow-hidden bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-stone-950/60 backdrop:backdrop-blur-[2px]",
        "max-w-none open:flex open:flex-col",
        variant === "sheet"
          ? "mx-0 mt-auto mb-0 max-h-[92dvh] w-full rounded-t-3xl sm:m-auto sm:max-h-[88dvh] sm:max-w-xl sm:rounded-3xl"
          : "m-0 h-dvh max-h-none w-full sm:m-auto sm:h-[min(88dvh,56rem)] sm:max-h-[88dvh] sm:max-w-3xl sm:rounded-3xl",
      )}
    >
      {open || keepMounted ? children : null}
    </dialog>
  );
}

/** The round close button in a dialog's corner, large enough for a thumb. */
export function CloseButton({ onClose, className }: { onClose: () => void; className?: string }) {
  return (
    <button
      type="button"
      onClick={onClose}
      className={clsx(
        "grid size-10 shrink-0 place-items-center rounded-full bg-white/90 text-stone-800 shadow-md ring-1 ring-stone-900/10 backdrop-blur hover:bg-white",
        className,
      )}
    >
      <X aria-hidden className="size-5" />
      <span className="sr-only">Close</span>
    </button>
  );
}
