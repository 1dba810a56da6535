"use client";

import { Button } from "~/components/ui/button";

/** Cancel, and a danger "Confirm" that submits the dialog's form. */
export function DialogActions({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  return (
    <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
      <Button variant="secondary" disabled={pending} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant="danger" pending={pending}>
        Confirm
      </Button>
    </div>
  );
}
