import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { buttonClasses } from "~/components/ui/button-styles";

export function CallToAction({ signedIn }: { signedIn: boolean }) {
  return (
    <section aria-labelledby="cta-title" className="bg-stone-50 px-4 py-20 sm:px-6">
      <div className="mx-auto max-w-6xl overflow-hidden rounded-3xl bg-brand-950 px-6 py-14 text-center shadow-xl sm:px-12">
        <h2 id="cta-title" className="text-3xl font-bold tracking-tight text-white sm:text-4xl">
          Put your menu on the table
        </h2>
        <p className="mx-auto mt-4 max-w-xl text-brand-100">
          Register your restaurant in a couple of minutes. We review it, and your 7-day trial starts the moment it is
          approved.
        </p>
        <Link
          href={signedIn ? "/dashboard" : "/sign-in?next=/dashboard/restaurants/new"}
          className={buttonClasses("secondary", "lg", "mt-8 border-transparent")}
        >
          {signedIn ? "Go to your dashboard" : "Register your restaurant"}
          <ArrowRight aria-hidden className="size-5" />
        </Link>
      </div>
    </section>
  );
}
