import Link from "next/link";
import { SearchX } from "lucide-react";
import { buttonClasses } from "~/components/ui/button-styles";

type NotFoundContentProps = { backHref?: string; backLabel?: string };

export function NotFoundContent({ backHref = "/", backLabel = "Go to the home page" }: NotFoundContentProps) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-16 text-center">
      <span className="mb-4 grid size-12 place-items-center rounded-full bg-stone-100 text-stone-700">
        <SearchX aria-hidden className="size-6" />
      </span>
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">404</p>
      <h1 className="mt-1 text-2xl font-bold text-stone-900">Page not found</h1>
      <p className="mt-2 text-stone-600">
        There is nothing here, or it belongs to someone else. Check the address, or go back and pick it from the list.
      </p>
      <Link href={backHref} className={buttonClasses("primary", "md", "mt-6")}>
        {backLabel}
      </Link>
    </div>
  );
}
