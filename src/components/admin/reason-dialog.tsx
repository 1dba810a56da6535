"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { reviewReasonSchema } from "~/schemas/restaurant";
import { Button } from "~/components/ui/button";
import type { ButtonVariant } from "~/components/ui/button-styles";
import { Field, inputClasses } from "~/components/ui/field";
import { ModalDialog } from "~/components/ui/modal-dialog";

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

export function ReasonDialog({ open, copy, pending, serverError, onConfirm, onClose }: ReasonDialogProps) {
  return (
    <ModalDialog open={open && copy !== null} title={copy?.title ?? ""} description={copy?.description} pending={pending} onClose={onClose}>
      {copy ? <ReasonForm tone={copy.tone} pending={pending} serverError={serverError} onConfirm={onConfirm} onCancel={onClose} /> : null}
    </ModalDialog>
  );
}

type ReasonFormProps = {
  tone: ButtonVariant;
  pending: boolean;
  serverError?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

// Mounted only while the dialog is open, so every opening starts with an empty reason.
function ReasonForm({ tone, pending, serverError, onConfirm, onCancel }: ReasonFormProps) {
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(reasonFormSchema),
    defaultValues: { reason: "" },
  });
  const error = formState.errors.reason?.message ?? serverError;
  return (
    <form onSubmit={handleSubmit(({ reason }) => onConfirm(reason))} noValidate className="flex flex-col gap-5">
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
        <Button type="submit" variant={tone} pending={pending}>
          Confirm
        </Button>
      </div>
    </form>
  );
}
