import { ChefHat, Store, UsersRound, type LucideIcon } from "lucide-react";

type Audience = { icon: LucideIcon; title: string; text: string };

const AUDIENCES: readonly Audience[] = [
  {
    icon: ChefHat,
    title: "Restaurant owners",
    text: "Show the portion, the plating and the garnish exactly as they leave your kitchen, and sell the dishes that photograph badly.",
  },
  {
    icon: Store,
    title: "Cafés, bakeries and cloud kitchens",
    text: "One dashboard for every branch you run, each with its own address, menu and QR codes.",
  },
  {
    icon: UsersRound,
    title: "Your guests",
    text: "No app and no account: a phone, often on a slow network, is enough. The menu stays light and readable.",
  },
];

export function Audience() {
  return (
    <section aria-labelledby="audience-title" className="bg-white py-20">
      <div className="mx-auto grid max-w-6xl gap-12 px-4 sm:px-6 lg:grid-cols-[1fr_1.4fr]">
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Who it is for</p>
          <h2 id="audience-title" className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">
            Made for places where food is the star
          </h2>
          <p className="mt-4 text-stone-700">
            Every restaurant is checked by our team before its menu goes live, then gets a 7-day free trial. After that, a
            monthly fee plus a small fee per published dish.
          </p>
        </div>
        <ul className="grid gap-4">
          {AUDIENCES.map((audience) => (
            <li key={audience.title} className="flex gap-4 rounded-2xl bg-stone-50 p-5 ring-1 ring-stone-200">
              <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-100 text-brand-800">
                <audience.icon aria-hidden className="size-5" />
              </span>
              <div>
                <h3 className="font-semibold text-stone-900">{audience.title}</h3>
                <p className="mt-1 text-stone-700">{audience.text}</p>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
