import { LogoMark } from "~/components/brand/logo";

export function MenuFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Allergies or dietary needs? Please tell the staff before you order.</p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would add router code to a page that never navigates */}
        <a href="/" className="inline-flex items-center gap-2 font-medium text-stone-700 hover:text-stone-900">
          <LogoMark className="size-5" />
          Menu by Foodar
        </a>
      </div>
    </footer>
  );
}
