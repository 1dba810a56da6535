import Link from "next/link";
import { Logo } from "~/components/brand/logo";

/** The logo linking home, for pages shown to people who may not be signed in: it reads nothing per request. */
export function BrandHeader() {
  return (
    <header className="mx-auto w-full max-w-6xl px-4 py-4 sm:px-6">
      <Link href="/" className="inline-block rounded-lg" aria-label="Foodar, home">
        <Logo />
      </Link>
    </header>
  );
}
