import Link from "next/link";
import { ShieldX } from "lucide-react";
import { buttonClasses } from "~/components/ui/button-styles";

/** Shown to a signed-in person who opens a page their role does not allow (a 403, in words). */
export function NotAllowed() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-16 text-center">
      <span className="mb-4 grid size-12 place-items-center rounded-full bg-amber-50 text-amber-800">
        <ShieldX aria-hidden className="size-6" />
      </span>
      <p className="text-sm font-semibold tracking-wide text-amber-800 uppercase">403</p>
      <h1 className="mt-1 text-2xl font-bold text-stone-900">You are not allowed to see this page</h1>
      <p className="mt-2 text-stone-600">
        This area is for Foodar admins. If you think you should have access, ask an admin to give your account the admin
        role.
      </p>
      <Link href="/dashboard" className={buttonClasses("primary", "md", "mt-6")}>
        Go to your dashboard
      </Link>
    </div>
  );
}
