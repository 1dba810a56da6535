"use client";

import { useState } from "react";
import { Lock } from "lucide-react";
import { api } from "~/trpc/react";
import { SandboxCardFields } from "~/components/billing-sandbox/sandbox-card-fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";
import type { SandboxCard } from "~/schemas/billing-sandbox";

type SandboxCheckoutFormProps = { checkoutId: string; email: string; name: string | null; payLabel: string; testCard: { number: string; expiry: string; cvc: string } };

/** The payment half of the checkout, prefilled with the test card; "Pay" then returns to the billing page. */
export function SandboxCheckoutForm({ checkoutId, email, name, payLabel, testCard }: SandboxCheckoutFormProps) {
  // A test card needs a holder too: the owner's name when we know it.
  const [card, setCard] = useState<SandboxCard>({ ...testCard, name: name ?? "Test Customer" });
  const pay = api.billingSandbox.pay.useMutation({ onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl) });
  const busy = pay.isPending || pay.isSuccess;
  return (
    <form
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        pay.mutate({ checkoutId, card });
      }}
    >
      <Field id="checkout-email" label="Email address">
        {(control) => <input {...control} type="email" value={email} readOnly className={inputClasses(false, "bg-stone-50")} />}
      </Field>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold text-stone-800">Card details</legend>
        <SandboxCardFields idPrefix="checkout-card" card={card} onChange={setCard} disabled={busy} />
      </fieldset>
      {pay.error ? (
        <Alert tone="error" title="The payment did not go through">
          {pay.error.message}
        </Alert>
      ) : null}
      <Button type="submit" size="lg" pending={busy}>
        <Lock aria-hidden className="size-4" />
        {payLabel}
      </Button>
    </form>
  );
}
