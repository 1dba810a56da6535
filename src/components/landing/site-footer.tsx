import Link from "next/link";
import { Logo } from "~/components/brand/logo";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <Logo className="text-base" />
        <nav aria-label="Footer">
          <ul className="flex gap-6">
            <li>
              <a href="#how-it-works" className="hover:text-stone-900">
                How it works
              </a>
            </li>
            <li>
              <Link href="/sign-in" className="hover:text-stone-900">
                Sign in
              </Link>
            </li>
          </ul>
        </nav>
        <p>© {new Date().getFullYear()} Foodar</p>
      </div>
    </footer>
  );
}
