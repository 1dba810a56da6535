import type { Metadata } from "next";
import { NotFoundContent } from "~/components/feedback/not-found-content";
import { BrandHeader } from "~/components/shell/brand-header";
import { SkipLink } from "~/components/shell/skip-link";

export const metadata: Metadata = { title: "Page not found" };

// Next renders this page into every route's tree, so it must not read the request (the signed-in header does):
// one that did would make every page, the cached public menu included, render per request.
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <BrandHeader />
      <main id="main" tabIndex={-1} className="flex-1 px-4 sm:px-6">
        <NotFoundContent />
      </main>
    </div>
  );
}
