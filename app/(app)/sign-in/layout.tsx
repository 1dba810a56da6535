import type { ReactNode } from "react";
import Link from "next/link";
import { Logo } from "~/components/brand/logo";
import { SkipLink } from "~/components/shell/skip-link";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 to-stone-50">
      <SkipLink />
      <header className="mx-auto w-full max-w-6xl px-4 py-4 sm:px-6">
        <Link href="/" className="inline-block rounded-lg" aria-label="Foodar, home">
          <Logo />
        </Link>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-4 pt-4 pb-16 sm:px-6">
        {children}
      </main>
    </div>
  );
}
