import { Box, QrCode, Smartphone, type LucideIcon } from "lucide-react";

type Step = { icon: LucideIcon; title: string; text: string };

const STEPS: readonly Step[] = [
  {
    icon: Box,
    title: "Build your menu with 3D dishes",
    text: "Add categories, dishes, prices, photos and a 3D model of each plate. Change a price and it is live in seconds.",
  },
  {
    icon: QrCode,
    title: "Print QR codes for your tables",
    text: "Download a QR code for every table or for the whole restaurant, and put it on a stand, a sticker or the bill.",
  },
  {
    icon: Smartphone,
    title: "Guests view dishes in AR",
    text: "They scan, open your menu in their phone's browser and place the karahi on their own table, at its real size.",
  },
];

export function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-title" className="scroll-mt-20 bg-stone-50 py-20">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">How it works</p>
        <h2 id="how-title" className="mt-2 max-w-2xl text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">
          From kitchen to table in three steps
        </h2>
        <ol className="mt-12 grid gap-6 md:grid-cols-3">
          {STEPS.map((step, index) => (
            <li key={step.title} className="relative rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
              <div className="flex items-center gap-3">
                <span className="grid size-11 place-items-center rounded-xl bg-brand-700 text-white">
                  <step.icon aria-hidden className="size-5" />
                </span>
                <span className="text-sm font-bold text-stone-600">Step {index + 1}</span>
              </div>
              <h3 className="mt-5 text-lg font-semibold text-stone-900">{step.title}</h3>
              <p className="mt-2 text-stone-700">{step.text}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
