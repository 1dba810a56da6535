"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import clsx from "clsx";

type NavLinkProps = { href: string; children: string; /** Also active on pages below `href`. */ matchNested?: boolean };

export function NavLink({ href, children, matchNested = true }: NavLinkProps) {
  const pathname = usePathname();
  const active = pathname === href || (matchNested && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={clsx(
        "rounded-lg px-3 py-1.5 text-sm font-semibold whitespace-nowrap transition-colors",
        active ? "bg-brand-50 text-brand-800" : "text-stone-700 hover:bg-stone-100 hover:text-stone-900",
      )}
    >
      {children}
    </Link>
  );
}
