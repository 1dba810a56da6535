import { MapPin, Phone } from "lucide-react";
import type { PublicMenu } from "~/server/services/public-menu/public-menu";

type Restaurant = PublicMenu["restaurant"];

/** Name, logo, where it is and how to call: what a guest looks for first. */
export function MenuHeader({ restaurant }: { restaurant: Restaurant }) {
  const place = [restaurant.address, restaurant.city].filter(Boolean).join(", ");
  const dialable = restaurant.phone.replace(/[^\d+]/g, "");
  return (
    <header className="bg-gradient-to-b from-brand-100/70 via-brand-50 to-stone-50">
      <div className="mx-auto max-w-5xl px-4 pt-8 pb-6 sm:px-6 sm:pt-12 sm:pb-8">
        <div className="flex items-center gap-4">
          {restaurant.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small square from our own storage or Cloudinary
            <img
              src={restaurant.logoUrl}
              alt=""
              width={80}
              height={80}
              className="size-16 shrink-0 rounded-2xl bg-white object-cover shadow-sm ring-1 ring-stone-900/5 sm:size-20"
            />
          ) : (
            <span aria-hidden className="grid size-16 shrink-0 place-items-center rounded-2xl bg-brand-700 font-serif text-3xl font-bold text-white shadow-sm sm:size-20 sm:text-4xl">
              {initialOf(restaurant.name)}
            </span>
          )}
          <div className="min-w-0">
            <p className="text-xs font-semibold tracking-[0.18em] text-brand-800 uppercase">Menu</p>
            <h1 className="font-serif text-3xl leading-tight font-bold tracking-tight text-balance text-stone-900 sm:text-4xl">{restaurant.name}</h1>
          </div>
        </div>
        {restaurant.description ? <p className="mt-4 max-w-2xl text-base text-pretty text-stone-700">{restaurant.description}</p> : null}
        {place || dialable ? (
          <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm text-stone-700">
            {place ? (
              <li className="inline-flex items-center gap-1.5">
                <MapPin aria-hidden className="size-4 shrink-0 text-brand-700" />
                <span className="sr-only">Address: </span>
                {place}
              </li>
            ) : null}
            {dialable ? (
              <li>
                <a href={`tel:${dialable}`} className="inline-flex min-h-6 items-center gap-1.5 font-medium text-stone-900 underline decoration-brand-300 underline-offset-4 hover:decoration-brand-700">
                  <Phone aria-hidden className="size-4 shrink-0 text-brand-700" />
                  <span className="sr-only">Call </span>
                  {restaurant.phone}
                </a>
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
    </header>
  );
}

function initialOf(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? "";
}
