import { Box, Eye, ScanEye, UtensilsCrossed, type LucideIcon } from "lucide-react";
import type { EventTotals } from "~/server/services/analytics/menu-analytics";
import { Card } from "~/components/ui/card";

const TILES: { event: keyof EventTotals; label: string; icon: LucideIcon }[] = [
  { event: "MENU_VIEW", label: "Menu views", icon: Eye },
  { event: "PRODUCT_OPEN", label: "Dishes opened", icon: UtensilsCrossed },
  { event: "MODEL_OPEN", label: "3D views", icon: Box },
  { event: "AR_LAUNCH", label: "AR launches", icon: ScanEye },
];

const number = new Intl.NumberFormat("en");

export function EventTotalsTiles({ totals }: { totals: EventTotals }) {
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
      {TILES.map(({ event, label, icon: Icon }) => (
        <Card key={event} className="flex flex-col gap-1 p-4">
          <dt className="flex items-center gap-2 text-sm font-medium text-stone-600">
            <Icon aria-hidden className="size-4 text-brand-700" />
            {label}
          </dt>
          <dd className="text-2xl font-bold tabular-nums text-stone-900">{number.format(totals[event])}</dd>
        </Card>
      ))}
    </dl>
  );
}
