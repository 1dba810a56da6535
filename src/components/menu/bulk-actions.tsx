"use client";

import { CircleCheck, CircleSlash, EyeOff, type LucideIcon } from "lucide-react";
import { toast } from "sonner";
import { toastError } from "~/components/billing/error-toast";
import { api } from "~/trpc/react";
import { AVAILABILITY_LABEL, type Availability } from "~/components/menu/menu-labels";
import { Button } from "~/components/ui/button";

const ACTIONS: readonly { availability: Availability; label: string; icon: LucideIcon }[] = [
  { availability: "SOLD_OUT", label: "Mark sold out", icon: CircleSlash },
  { availability: "AVAILABLE", label: "Mark available", icon: CircleCheck },
  { availability: "HIDDEN", label: "Hide", icon: EyeOff },
];

type BulkActionsProps = {
  restaurantId: string;
  selectedIds: readonly string[];
  /** Every product shown is selected; the box then clears the selection. */
  allSelected: boolean;
  onSelectAll: (selected: boolean) => void;
  onDone: () => void;
};

export function BulkActions({ restaurantId, selectedIds, allSelected, onSelectAll, onDone }: BulkActionsProps) {
  const utils = api.useUtils();
  const setAvailability = api.menu.products.setAvailability.useMutation({
    onSuccess: async ({ updated }, input) => {
      toast.success(`${updated} ${updated === 1 ? "product" : "products"} now ${AVAILABILITY_LABEL[input.availability].toLowerCase()}`);
      onDone();
      await utils.menu.products.invalidate();
    },
    onError: (error) => toastError(error, error.message),
  });
  const count = selectedIds.length;
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-stone-50 p-3 sm:flex-row sm:items-center">
      <label className="inline-flex items-center gap-2 text-sm font-medium text-stone-800">
        <input type="checkbox" checked={allSelected} onChange={(event) => onSelectAll(event.target.checked)} className="size-5 accent-brand-700" />
        Select all shown
      </label>
      <p aria-live="polite" className="text-sm text-stone-600 sm:mr-auto">
        {count === 0 ? "None selected" : `${count} selected`}
      </p>
      <div className="grid grid-cols-3 gap-2 sm:flex">
        {ACTIONS.map(({ availability, label, icon: Icon }) => (
          <Button
            key={availability}
            variant="secondary"
            size="sm"
            disabled={count === 0 || setAvailability.isPending}
            pending={setAvailability.isPending && setAvailability.variables?.availability === availability}
            onClick={() => setAvailability.mutate({ restaurantId, productIds: [...selectedIds], availability })}
          >
            {setAvailability.isPending && setAvailability.variables?.availability === availability ? null : <Icon aria-hidden className="size-4" />}
            {label}
          </Button>
        ))}
      </div>
    </div>
  );
}
