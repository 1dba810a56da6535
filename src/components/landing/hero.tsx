import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { buttonClasses } from "~/components/ui/button-styles";
import { HeroIllustration } from "~/components/landing/hero-illustration";

export function Hero({ signedIn }: { signedIn: boolean }) {
  return (
    <section aria-labelledby="hero-title" className="relative overflow-hidden bg-gradient-to-b from-brand-50 via-white to-stone-50">
      <div className="mx-auto grid max-w-6xl items-center gap-14 px-4 pt-12 pb-20 sm:px-6 lg:grid-cols-[1.1fr_1fr] lg:pt-20">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-semibold text-brand-800 shadow-sm ring-1 ring-brand-200">
            <span aria-hidden className="size-2 rounded-full bg-brand-600" />
            AR menus for restaurants
          </p>
          <h1 id="hero-title" className="mt-5 text-4xl font-extrabold tracking-tight text-balance text-stone-900 sm:text-5xl lg:text-[3.4rem] lg:leading-[1.08]">
            Let guests see every dish <span className="text-brand-700">on their table</span> before they order.
          </h1>
          <p className="mt-5 max-w-xl text-lg text-pretty text-stone-700">
            Foodar turns your menu into a web page where each dish can be turned around in 3D and placed on the table in
            augmented reality. Guests scan a QR code, no app to install, and order with confidence.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <Link href={signedIn ? "/dashboard" : "/sign-in"} className={buttonClasses("primary", "lg")}>
              {signedIn ? "Open your dashboard" : "Sign in to get started"}
              <ArrowRight aria-hidden className="size-5" />
            </Link>
            <a href="#how-it-works" className={buttonClasses("secondary", "lg")}>
              See how it works
            </a>
          </div>
          <ul className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium text-stone-700">
            <li>✓ Works in any phone browser</li>
            <li>✓ 7-day free trial</li>
            <li>✓ QR codes ready to print</li>
          </ul>
        </div>
        <HeroIllustration />
      </div>
    </section>
  );
}
