"use client";

import type { ChangeEvent } from "react";
import { Field, inputClasses } from "~/components/ui/field";
import type { SandboxCard } from "~/schemas/billing-sandbox";

type SandboxCardFieldsProps = { idPrefix: string; card: SandboxCard; onChange: (card: SandboxCard) => void; disabled: boolean };

/** Card number, expiry, security code and name, laid out as a checkout lays them out. */
export function SandboxCardFields({ idPrefix, card, onChange, disabled }: SandboxCardFieldsProps) {
  const set = (key: keyof SandboxCard) => (event: ChangeEvent<HTMLInputElement>) => onChange({ ...card, [key]: event.target.value });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={`${idPrefix}-number`} label="Card number" className="sm:col-span-2">
        {(control) => <input {...control} inputMode="numeric" autoComplete="cc-number" value={card.number} onChange={set("number")} disabled={disabled} className={inputClasses(false, "font-mono")} />}
      </Field>
      <Field id={`${idPrefix}-expiry`} label="Expiry date">
        {(control) => <input {...control} placeholder="MM / YY" autoComplete="cc-exp" value={card.expiry} onChange={set("expiry")} disabled={disabled} className={inputClasses(false, "font-mono")} />}
      </Field>
      <Field id={`${idPrefix}-cvc`} label="Security code">
        {(control) => <input {...control} inputMode="numeric" autoComplete="cc-csc" value={card.cvc} onChange={set("cvc")} disabled={disabled} className={inputClasses(false, "font-mono")} />}
      </Field>
      <Field id={`${idPrefix}-name`} label="Name on card" className="sm:col-span-2">
        {(control) => <input {...control} autoComplete="cc-name" value={card.name} onChange={set("name")} disabled={disabled} className={inputClasses()} />}
      </Field>
    </div>
  );
}
