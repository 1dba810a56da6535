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
      {/* On a phone: logo and sign-out on the first row, navigation and the user on the second. The DOM order
          is the desktop order, so keyboard focus follows the reading order there. */}
      <div className="mx-auto grid max-w-6xl grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 px-4 py-3 sm:flex sm:gap-4 sm:px-6">
        <Link href="/" className="justify-self-start rounded-lg" aria-label="Foodar, home">
          <Logo />
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="row-start-2 -mx-1 flex gap-1 overflow-x-auto sm:mx-0">
              <NavLink href="/dashboard">Dashboard</NavLink>
              {user.role === "ADMIN" ? <NavLink href="/admin">Admin</NavLink> : null}
            </nav>
            <p className="row-start-2 min-w-0 max-w-40 text-right text-sm leading-tight sm:ml-auto sm:max-w-64">
              <span className="block truncate font-semibold text-stone-900">{user.name ?? user.email}</span>
              {user.name ? <span className="hidden truncate text-stone-600 sm:block">{user.email}</span> : null}
            </p>
            <div className="col-start-2 row-start-1 justify-self-end">
              <SignOutButton />
            </div>
          </>
        ) : (
          <Link href="/sign-in" className={buttonClasses("primary", "sm", "col-start-2 justify-self-end sm:ml-auto")}>
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
