"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { SandboxCardFields } from "~/components/billing-sandbox/sandbox-card-fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import type { SandboxCard } from "~/schemas/billing-sandbox";

/** Lemon Squeezy's update-payment-method page: the next charges go to this card. */
export function SandboxCardForm({ subscriptionId, testCard, name }: { subscriptionId: number; testCard: { number: string; expiry: string; cvc: string }; name: string }) {
  const router = useRouter();
  const [card, setCard] = useState<SandboxCard>({ ...testCard, name });
  const update = api.billingSandbox.updateCard.useMutation({
    onSuccess: ({ cardLastFour }) => {
      toast.success(`Card ending in ${cardLastFour} saved`);
      router.refresh();
    },
  });
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ subscriptionId, card });
      }}
    >
      <SandboxCardFields idPrefix="payment-method" card={card} onChange={setCard} disabled={update.isPending} />
      {update.error ? (
        <Alert tone="error" title="The card was not saved">
          {update.error.message}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" pending={update.isPending}>
          Update card
        </Button>
      </div>
    </form>
  );
}
