"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Ban, Check, RotateCcw, X } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import type { ReviewState } from "~/lib/review-state";
import type { ServerErrorData } from "~/components/forms/apply-server-errors";
import { Button } from "~/components/ui/button";
import { ReasonDialog, type ReasonDialogCopy } from "~/components/admin/reason-dialog";

type ReasonAction = "reject" | "suspend" | "restore";

type ReviewActionsProps = { restaurant: { id: string; name: string; reviewState: ReviewState } };

function dialogCopy(action: ReasonAction, name: string): ReasonDialogCopy {
  switch (action) {
    case "reject":
      return { title: "Reject restaurant", description: `Tell the owner of ${name} what to change before it can be approved.`, tone: "danger" };
    case "suspend":
      return { title: "Suspend restaurant", description: `${name} goes offline and its owner cannot edit it until it is restored.`, tone: "danger" };
    case "restore":
      return { title: "Restore restaurant", description: `${name} goes back to the state it had before it was suspended.`, tone: "primary" };
  }
}

const DONE: Record<ReasonAction | "approve", string> = {
  approve: "approved; its 7-day trial has started",
  reject: "rejected",
  suspend: "suspended",
  restore: "restored",
};

export function ReviewActions({ restaurant }: ReviewActionsProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<ReasonAction | null>(null);
  const state = restaurant.reviewState;

  const callbacks = (action: ReasonAction | "approve") => ({
    onSuccess: () => {
      toast.success(`${restaurant.name} was ${DONE[action]}`);
      setDialog(null);
      router.refresh();
    },
    onError: (error: { message: string; data?: ServerErrorData }) => {
      // A bad reason is shown on the field itself; anything else (e.g. another admin acted first) is a toast.
      if (!error.data?.fieldErrors?.reason) toast.error(error.message);
    },
  });
  const approve = api.admin.approve.useMutation(callbacks("approve"));
  const mutations = {
    reject: api.admin.reject.useMutation(callbacks("reject")),
    suspend: api.admin.suspend.useMutation(callbacks("suspend")),
    restore: api.admin.restore.useMutation(callbacks("restore")),
  };
  const busy = approve.isPending || Object.values(mutations).some((mutation) => mutation.isPending);
  const current = dialog ? mutations[dialog] : null;

  return (
    <div className="flex flex-col gap-2">
      <div className="grid gap-2 sm:grid-cols-2">
        {state === "PENDING" ? (
          <>
            <Button pending={approve.isPending} disabled={busy} onClick={() => approve.mutate({ restaurantId: restaurant.id })}>
              <Check aria-hidden className="size-4" />
              Approve
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setDialog("reject")}>
              <X aria-hidden className="size-4" />
              Reject
            </Button>
          </>
        ) : null}
        {state === "SUSPENDED" ? (
          <Button disabled={busy} onClick={() => setDialog("restore")} className="sm:col-span-2">
            <RotateCcw aria-hidden className="size-4" />
            Restore
          </Button>
        ) : (
          <Button variant="secondary" disabled={busy} onClick={() => setDialog("suspend")} className="sm:col-span-2">
            <Ban aria-hidden className="size-4" />
            Suspend
          </Button>
        )}
      </div>
      <ReasonDialog
        open={dialog !== null}
        copy={dialog ? dialogCopy(dialog, restaurant.name) : null}
        pending={current?.isPending ?? false}
        serverError={current?.error?.data?.fieldErrors?.reason?.[0]}
        onConfirm={(reason) => current?.mutate({ restaurantId: restaurant.id, reason })}
        onClose={() => {
          current?.reset();
          setDialog(null);
        }}
      />
    </div>
  );
}
