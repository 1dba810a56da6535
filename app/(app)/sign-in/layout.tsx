import type { ReactNode } from "react";
import { BrandHeader } from "~/components/shell/brand-header";
import { SkipLink } from "~/components/shell/skip-link";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 to-stone-50">
      <SkipLink />
      <BrandHeader />
      <main id="main" tabIndex={-1} className="flex-1 px-4 pt-4 pb-16 sm:px-6">
        {children}
      </main>
    </div>
  );
}
