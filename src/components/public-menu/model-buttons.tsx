"use client";

import clsx from "clsx";
import { Box, ScanLine } from "lucide-react";
import { useMenuDialogs } from "./menu-dialogs";

// Each button grows to share the row; on a narrow phone the second one wraps to its own row, never clipped.
const base =
  "inline-flex min-h-10 flex-auto items-center justify-center gap-1.5 rounded-full px-3.5 py-2 text-sm font-semibold whitespace-nowrap transition-colors";

/** "View in 3D" and "View on your table" for a dish with a model; both open the page's one viewer. */
export function ModelButtons({ productId, className }: { productId: string; className?: string }) {
  const { openViewer } = useMenuDialogs();
  return (
    <div className={clsx("flex flex-wrap gap-2", className)}>
      <button type="button" aria-haspopup="dialog" onClick={() => openViewer(productId)} className={clsx(base, "bg-white text-stone-900 ring-1 ring-stone-300 hover:bg-stone-100")}>
        <Box aria-hidden className="size-4" />
        View in 3D
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => openViewer(productId, { ar: true })} className={clsx(base, "bg-brand-700 text-white shadow-sm hover:bg-brand-800")}>
        <ScanLine aria-hidden className="size-4" />
        View on your table
      </button>
    </div>
  );
}
