import type { ReactNode } from "react";
import Link from "next/link";
import { Search } from "lucide-react";
import { buttonClasses } from "~/components/ui/button-styles";

type FilterBarProps = { action: string; label: string; children: ReactNode; active: boolean };

/**
 * Filters are a plain GET form: the URL holds them, so a filtered list can be shared, reloaded and used
 * without JavaScript, and the server renders the first page.
 */
export function FilterBar({ action, label, children, active }: FilterBarProps) {
  return (
    <form
      action={action}
      method="get"
      role="search"
      aria-label={label}
      className="mb-6 grid gap-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:flex lg:flex-wrap lg:items-start"
    >
      {children}
      <div className="flex gap-2 sm:col-span-2 lg:ml-auto lg:pt-7">
        <button type="submit" className={buttonClasses("primary", "md", "flex-1 lg:flex-none")}>
          <Search aria-hidden className="size-4" />
          Apply filters
        </button>
        {active ? (
          <Link href={action} className={buttonClasses("ghost", "md")}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
