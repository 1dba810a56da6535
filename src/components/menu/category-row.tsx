"use client";

import { useEffect, useRef, useState } from "react";
import { ArrowDown, ArrowUp, Pencil, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { CategoryNameForm } from "~/components/menu/category-name-form";
import { IconButton } from "~/components/menu/icon-button";
import type { MenuCategory } from "~/components/menu/menu-types";

type CategoryRowProps = {
  restaurantId: string;
  category: MenuCategory;
  readOnly: boolean;
  isFirst: boolean;
  isLast: boolean;
  reordering: boolean;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
};

export function CategoryRow({ restaurantId, category, readOnly, isFirst, isLast, reordering, onMove, onDelete }: CategoryRowProps) {
  const utils = api.useUtils();
  const [renaming, setRenaming] = useState(false);
  // Focus goes back to the Rename button when the inline form closes, not to the top of the page.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!renaming && returnFocus.current) {
      returnFocus.current = false;
      document.getElementById(`rename-button-${category.id}`)?.focus();
    }
  }, [renaming, category.id]);

  const rename = api.menu.categories.rename.useMutation({
    onSuccess: async (renamed) => {
      toast.success(`Renamed to ${renamed.name}`);
      // Product rows show their category's name too.
      await utils.menu.invalidate();
    },
  });
  const close = () => {
    returnFocus.current = true;
    setRenaming(false);
  };

  const nameId = `category-${category.id}-name`;
  const count = category._count.products;
  if (renaming) {
    return (
      <li className="rounded-xl border border-brand-300 bg-brand-50/40 p-3">
        <CategoryNameForm
          inputId={`rename-${category.id}`}
          initialName={category.name}
          submitLabel="Save"
          autoFocus
          onCancel={close}
          onSave={async (name) => {
            await rename.mutateAsync({ restaurantId, categoryId: category.id, name });
            close();
          }}
        />
      </li>
    );
  }
  return (
    <li className="flex items-center gap-2 rounded-xl border border-stone-200 bg-white p-3">
      <div className="min-w-0 flex-1">
        <p id={nameId} className="font-semibold break-words text-stone-900">
          {category.name}
        </p>
        <p className="text-sm text-stone-600">
          {count} {count === 1 ? "product" : "products"}
        </p>
      </div>
      {readOnly ? null : (
        <div className="flex shrink-0 items-center">
          <IconButton icon={ArrowUp} label="Move up" describedBy={nameId} disabled={isFirst || reordering} onClick={() => onMove(-1)} />
          <IconButton icon={ArrowDown} label="Move down" describedBy={nameId} disabled={isLast || reordering} onClick={() => onMove(1)} />
          <IconButton id={`rename-button-${category.id}`} icon={Pencil} label="Rename" describedBy={nameId} onClick={() => setRenaming(true)} />
          <IconButton icon={Trash2} label="Delete" describedBy={nameId} onClick={onDelete} />
        </div>
      )}
    </li>
  );
}
