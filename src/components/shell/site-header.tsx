import Link from "next/link";
import { getCurrentUser } from "~/components/auth/current-user";
import { Logo } from "~/components/brand/logo";
import { buttonClasses } from "~/components/ui/button-styles";
import { NavLink } from "~/components/shell/nav-link";
import { SignOutButton } from "~/components/shell/sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="rounded-lg" aria-label="Foodar, home">
          <Logo />
        </Link>
        {user ? (
          // On a phone the nav takes its own row under the logo, so nothing has to hide behind a menu button.
          <nav aria-label="Main" className="order-last -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:mx-0 sm:w-auto">
            <NavLink href="/dashboard">Dashboard</NavLink>
            {user.role === "ADMIN" ? <NavLink href="/admin">Admin</NavLink> : null}
          </nav>
        ) : null}
        <div className="ml-auto flex min-w-0 items-center gap-3">
          {user ? (
            <>
              <p className="min-w-0 max-w-36 text-right text-sm leading-tight sm:max-w-64">
                <span className="block truncate font-semibold text-stone-900">{user.name ?? user.email}</span>
                {user.name ? <span className="hidden truncate text-stone-600 sm:block">{user.email}</span> : null}
              </p>
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in" className={buttonClasses("primary", "sm")}>
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
