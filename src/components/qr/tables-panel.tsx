"use client";

import { useState } from "react";
import { FileDown, Table2 } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { BulkAddTablesForm } from "~/components/qr/bulk-add-tables-form";
import { DeleteTableDialog } from "~/components/qr/delete-table-dialog";
import { QrPreviewDialog } from "~/components/qr/qr-preview-dialog";
import type { QrRestaurant, RestaurantTable } from "~/components/qr/qr-types";
import { qrCardsUrl } from "~/components/qr/qr-urls";
import { TableLabelForm } from "~/components/qr/table-label-form";
import { TableRow } from "~/components/qr/table-row";
import { buttonClasses } from "~/components/ui/button-styles";
import { Card } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";

type TablesPanelProps = { restaurant: QrRestaurant; menuBaseUrl: string };

/** The restaurant's tables, each with its own code, so the analytics can tell which table a visit came from. */
export function TablesPanel({ restaurant, menuBaseUrl }: TablesPanelProps) {
  const utils = api.useUtils();
  const tables = api.tables.list.useQuery({ restaurantId: restaurant.id });
  const [previewing, setPreviewing] = useState<RestaurantTable | null>(null);
  const [deleting, setDeleting] = useState<RestaurantTable | null>(null);
  const create = api.tables.create.useMutation({
    onSuccess: async (table) => {
      toast.success(`${table.label} was added`);
      await utils.tables.list.invalidate({ restaurantId: restaurant.id });
    },
  });
  const reorder = api.tables.reorder.useMutation({
    onSuccess: async () => {
      toast.success("Table order saved");
      await utils.tables.list.invalidate({ restaurantId: restaurant.id });
    },
    onError: (error) => toast.error(error.message),
  });

  const list = tables.data ?? [];
  const move = (index: number, direction: -1 | 1) => {
    const ids = list.map((table) => table.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + direction, 0, moved);
    reorder.mutate({ restaurantId: restaurant.id, tableIds: ids });
  };

  return (
    <Card className="p-4 sm:p-5">
      <section aria-labelledby="tables-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="tables-title" className="text-base font-semibold text-stone-900">
              Tables
            </h2>
            <p className="mt-1 text-sm text-stone-600">Each table gets its own code, so you can see which tables use the menu.</p>
          </div>
          <a href={qrCardsUrl(restaurant.id)} download className={buttonClasses("primary", "sm")}>
            <FileDown aria-hidden className="size-4" />
            Download printable cards (PDF)
          </a>
        </div>
        {tables.isPending ? (
          <Skeleton className="h-32 rounded-xl" />
        ) : tables.isError ? (
          <p role="alert" className="text-red-800">
            {tables.error.message}
          </p>
        ) : list.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-stone-700">
            <Table2 aria-hidden className="size-4 shrink-0 text-stone-500" />
            No tables yet: the printable cards show your menu&apos;s code. Add your tables to get one card each.
          </p>
        ) : (
          <ol className="flex flex-col gap-2" aria-label="Tables">
            {list.map((table, index) => (
              <TableRow
                key={table.id}
                restaurantId={restaurant.id}
                table={table}
                readOnly={restaurant.readOnly}
                isFirst={index === 0}
                isLast={index === list.length - 1}
                reordering={reorder.isPending}
                onMove={(direction) => move(index, direction)}
                onPreview={() => setPreviewing(table)}
                onDelete={() => setDeleting(table)}
              />
            ))}
          </ol>
        )}
        {restaurant.readOnly ? null : (
          <div className="grid gap-4 border-t border-stone-200 pt-4 md:grid-cols-2">
            <section aria-labelledby="add-table-title">
              <h3 id="add-table-title" className="mb-2 text-sm font-semibold text-stone-900">
                Add a table
              </h3>
              <TableLabelForm
                inputId="new-table-label"
                initialLabel=""
                submitLabel="Add table"
                onSave={(label) => create.mutateAsync({ restaurantId: restaurant.id, label })}
              />
            </section>
            <section aria-labelledby="bulk-tables-title">
              <h3 id="bulk-tables-title" className="mb-2 text-sm font-semibold text-stone-900">
                Add numbered tables
              </h3>
              <BulkAddTablesForm restaurantId={restaurant.id} />
            </section>
          </div>
        )}
      </section>
      <QrPreviewDialog
        restaurantId={restaurant.id}
        slug={restaurant.slug}
        menuBaseUrl={menuBaseUrl}
        table={previewing}
        onClose={() => setPreviewing(null)}
      />
      <DeleteTableDialog restaurantId={restaurant.id} table={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}
