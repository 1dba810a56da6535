"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { Button } from "~/components/ui/button";
import type { SandboxAction } from "~/schemas/billing-sandbox";

const ACTION: Record<SandboxAction, { label: string; done: string; hint: string; variant: "primary" | "secondary" | "danger" }> = {
  "fail-payment": { label: "Fail the next payment", done: "The renewal payment failed", hint: "The renewal is charged now and the card is declined: past due.", variant: "danger" },
  recover: { label: "Recover", done: "The payment went through", hint: "A retry of the failed payment succeeds: active again.", variant: "primary" },
  cancel: { label: "Cancel", done: "Subscription cancelled", hint: "Cancelled at the end of the paid period.", variant: "secondary" },
  resume: { label: "Resume", done: "Subscription resumed", hint: "The cancellation is undone.", variant: "primary" },
  expire: { label: "Expire", done: "Subscription expired", hint: "The paid period (or the payment retries) run out now.", variant: "danger" },
};

/** Lemon Squeezy's side of the subscription, played by hand; each button sends the webhooks Lemon Squeezy would. */
export function SandboxActions({ subscriptionId, actions }: { subscriptionId: number; actions: SandboxAction[] }) {
  const router = useRouter();
  const act = api.billingSandbox.act.useMutation({
    onSuccess: (_result, input) => {
      toast.success(ACTION[input.action].done);
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  if (actions.length === 0) return <p className="text-sm text-stone-600">Nothing more can happen to this subscription.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {actions.map((action) => (
        <li key={action} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-4">
          <Button
            variant={ACTION[action].variant}
            className="sm:w-52"
            pending={act.isPending && act.variables.action === action}
            disabled={act.isPending}
            onClick={() => act.mutate({ subscriptionId, action })}
          >
            {ACTION[action].label}
          </Button>
          <span className="text-sm text-stone-600">{ACTION[action].hint}</span>
        </li>
      ))}
    </ul>
  );
}
