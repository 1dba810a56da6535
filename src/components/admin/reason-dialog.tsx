"use client";

import { useEffect, useId, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { reviewReasonSchema } from "~/schemas/restaurant";
import { Button } from "~/components/ui/button";
import type { ButtonVariant } from "~/components/ui/button-styles";
import { Field, inputClasses } from "~/components/ui/field";

const reasonFormSchema = z.object({ reason: reviewReasonSchema });

export type ReasonDialogCopy = { title: string; description: string; tone: ButtonVariant };

type ReasonDialogProps = {
  open: boolean;
  copy: ReasonDialogCopy | null;
  pending: boolean;
  /** The server's message about the reason, if it refused it. */
  serverError?: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
};

/**
 * A native modal <dialog>: the browser traps focus, closes it on Escape, makes the page behind it inert and
 * returns focus to the button that opened it.
 */
export function ReasonDialog({ open, copy, pending, serverError, onConfirm, onClose }: ReasonDialogProps) {
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
        // Escape while the decision is being saved would hide whether it worked.
        if (pending) event.preventDefault();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-stone-950/50"
    >
      {open && copy ? (
        <ReasonForm
          copy={copy}
          titleId={titleId}
          descriptionId={descriptionId}
          pending={pending}
          serverError={serverError}
          onConfirm={onConfirm}
          onCancel={onClose}
        />
      ) : null}
    </dialog>
  );
}

type ReasonFormProps = {
  copy: ReasonDialogCopy;
  titleId: string;
  descriptionId: string;
  pending: boolean;
  serverError?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

// Mounted only while the dialog is open, so every opening starts with an empty reason.
function ReasonForm({ copy, titleId, descriptionId, pending, serverError, onConfirm, onCancel }: ReasonFormProps) {
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(reasonFormSchema),
    defaultValues: { reason: "" },
  });
  const error = formState.errors.reason?.message ?? serverError;
  return (
    <form onSubmit={handleSubmit(({ reason }) => onConfirm(reason))} noValidate className="flex flex-col gap-5 p-5 sm:p-6">
      <div>
        <h2 id={titleId} className="text-lg font-semibold">
          {copy.title}
        </h2>
        <p id={descriptionId} className="mt-1 text-sm text-stone-600">
          {copy.description}
        </p>
      </div>
      <Field id="review-reason-input" label="Reason" error={error} hint="The owner sees this on their dashboard.">
        {(control) => (
          // The reason is the one thing to do here, so it takes the focus when the dialog opens.
          <textarea {...control} {...register("reason")} autoFocus rows={4} className={inputClasses(Boolean(error))} />
        )}
      </Field>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={copy.tone} pending={pending}>
          Confirm
        </Button>
      </div>
    </form>
  );
}
