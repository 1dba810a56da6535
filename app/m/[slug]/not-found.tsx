import type { Metadata } from "next";
import { UtensilsCrossed } from "lucide-react";
import { LogoMark } from "~/components/brand/logo";

export const metadata: Metadata = { title: "Menu not found", robots: { index: false } };

/**
 * The same page for an unknown address and for a menu that is not live (waiting for review, suspended, unpaid):
 * it names no restaurant and gives no reason, so nothing about a hidden menu can be learnt from it.
 */
export default function MenuNotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-stone-50 px-6 py-16 text-center">
      <span className="mb-5 grid size-14 place-items-center rounded-full bg-brand-100 text-brand-800">
        <UtensilsCrossed aria-hidden className="size-7" />
      </span>
      <h1 className="font-serif text-3xl font-bold text-stone-900">This menu isn’t available</h1>
      <p className="mt-3 max-w-sm text-pretty text-stone-600">
        The address may be mistyped, or the menu is not online right now. Please ask the staff for a menu at your table.
      </p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add router code to a page that never navigates */}
      <a href="/" className="mt-10 inline-flex items-center gap-2 text-sm font-medium text-stone-600 hover:text-stone-900">
        <LogoMark className="size-5" />
        Foodar
      </a>
    </main>
  );
}
