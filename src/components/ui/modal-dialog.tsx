"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type ModalDialogProps = {
  open: boolean;
  title: string;
  description: ReactNode;
  /** While true, Escape does not close the dialog: closing mid-save would hide whether it worked. */
  pending: boolean;
  onClose: () => void;
  /** Rendered only while open, so every opening starts afresh. */
  children: ReactNode;
};

/**
 * A native modal <dialog>: the browser traps focus, closes it on Escape, makes
 * the page behind it inert and returns focus to the button that opened it.
 */
export function ModalDialog({ open, title, description, pending, onClose, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-stone-950/50"
    >
      {open ? (
        <div className="flex flex-col gap-5 p-5 sm:p-6">
          <div>
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <div id={descriptionId} className="mt-1 text-sm text-stone-600">
              {description}
            </div>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
