"use client";

import type { ReactNode } from "react";
import { useMenuDialogs } from "./menu-dialogs";

/**
 * The dish's name as a button that opens its details; it stretches over the whole card (the card is `relative`),
 * so a tap anywhere on the dish opens it, while the card's other buttons sit above it.
 */
export function ProductDetailsButton({ productId, children }: { productId: string; children: ReactNode }) {
  const { openDetails } = useMenuDialogs();
  return (
    <button
      type="button"
      onClick={() => openDetails(productId)}
      aria-haspopup="dialog"
      className="text-left after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-600"
    >
      {children}
    </button>
  );
}
