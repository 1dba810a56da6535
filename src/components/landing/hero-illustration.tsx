import { Check, ScanLine } from "lucide-react";

/** A phone placing a dish on a table in AR, drawn in SVG so the landing page loads nothing from the network. */
export function HeroIllustration() {
  return (
    <div className="relative isolate mx-auto w-full max-w-xs sm:max-w-sm">
      <div aria-hidden className="absolute -inset-8 -z-10 rounded-full bg-brand-200/60 blur-3xl" />
      <svg
        viewBox="0 0 320 560"
        role="img"
        aria-label="A phone camera showing a bowl of karahi placed on a restaurant table in augmented reality"
        className="w-full drop-shadow-2xl"
      >
        <defs>
          <linearGradient id="hero-wall" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#fff1e6" />
            <stop offset="1" stopColor="#fcd9bd" />
          </linearGradient>
          <linearGradient id="hero-table" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#b45309" />
            <stop offset="1" stopColor="#78350f" />
          </linearGradient>
          <radialGradient id="hero-curry" cx="0.45" cy="0.35" r="0.7">
            <stop offset="0" stopColor="#f97316" />
            <stop offset="0.6" stopColor="#c2410c" />
            <stop offset="1" stopColor="#7c2d12" />
          </radialGradient>
          <linearGradient id="hero-bowl" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#57534e" />
            <stop offset="1" stopColor="#1c1917" />
          </linearGradient>
          <clipPath id="hero-screen">
            <rect x="32" y="22" width="256" height="516" rx="30" />
          </clipPath>
        </defs>

        <rect x="20" y="10" width="280" height="540" rx="42" fill="#1c1917" />
        <g clipPath="url(#hero-screen)">
          <rect x="32" y="22" width="256" height="240" fill="url(#hero-wall)" />
          <rect x="32" y="250" width="256" height="290" fill="url(#hero-table)" />
          <path d="M160 138v52" stroke="#44403c" strokeWidth="2" />
          <ellipse cx="160" cy="214" rx="46" ry="10" fill="#fde68a" opacity="0.55" />
          <path d="M140 212h40l-8-22h-24z" fill="#292524" />
          {/* AR plane detection: a grid in perspective on the table top. */}
          <g stroke="#fff" strokeOpacity="0.28" strokeWidth="1">
            {[266, 290, 322, 366, 428, 510].map((y) => (
              <line key={y} x1="32" y1={y} x2="288" y2={y} />
            ))}
            {[-240, -150, -70, 0, 70, 150, 240].map((dx) => (
              <line key={dx} x1={160 + dx * 0.2} y1="250" x2={160 + dx * 1.6} y2="540" />
            ))}
          </g>
          <g transform="translate(160 380) scale(1.12) translate(-160 -380)">
            <ellipse cx="160" cy="408" rx="104" ry="30" fill="#000" opacity="0.28" />
            <ellipse cx="160" cy="396" rx="98" ry="32" fill="#fafaf9" />
            <ellipse cx="160" cy="394" rx="76" ry="23" fill="#e7e5e4" />
            <path d="M96 360c0 30 28 46 64 46s64-16 64-46z" fill="url(#hero-bowl)" />
            <ellipse cx="160" cy="360" rx="64" ry="18" fill="#292524" />
            <ellipse cx="160" cy="358" rx="58" ry="15" fill="url(#hero-curry)" />
            <g fill="#fed7aa">
              <ellipse cx="140" cy="354" rx="9" ry="5" />
              <ellipse cx="170" cy="350" rx="10" ry="5" />
              <ellipse cx="184" cy="361" rx="8" ry="4" />
              <ellipse cx="152" cy="364" rx="8" ry="4" />
            </g>
            <g fill="#16a34a">
              <circle cx="147" cy="349" r="2.4" />
              <circle cx="163" cy="360" r="2.2" />
              <circle cx="178" cy="353" r="2.6" />
              <circle cx="190" cy="358" r="2" />
              <circle cx="134" cy="359" r="2.2" />
            </g>
            <path d="M150 372h22" stroke="#facc15" strokeWidth="3" strokeLinecap="round" />
          </g>
          {/* Placement brackets around the model. */}
          <g fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round">
            <path d="M62 316v-18h18M258 316v-18h-18M62 446v18h18M258 446v18h-18" />
          </g>

          <rect x="48" y="62" width="224" height="76" rx="18" fill="#fff" opacity="0.96" />
          <text x="66" y="92" fontSize="17" fontWeight="700" fill="#1c1917">Chicken Karahi</text>
          <text x="66" y="118" fontSize="13" fill="#57534e">Serves 2</text>
          <text x="254" y="118" fontSize="15" fontWeight="700" fill="#c2410c" textAnchor="end">Rs 1,450</text>
          <rect x="74" y="478" width="172" height="40" rx="20" fill="#c2410c" />
          <text x="160" y="503" fontSize="14" fontWeight="700" fill="#fff" textAnchor="middle">Placed on your table</text>
          <rect x="130" y="30" width="60" height="8" rx="4" fill="#1c1917" />
        </g>
      </svg>

      <div
        aria-hidden
        className="absolute top-[34%] -left-4 flex items-center gap-2 rounded-xl bg-white px-3 py-2 text-xs font-semibold text-stone-800 shadow-lg ring-1 ring-stone-200 sm:-left-16"
      >
        <span className="grid size-6 place-items-center rounded-full bg-emerald-100 text-emerald-700">
          <Check className="size-3.5" />
        </span>
        3D model ready
      </div>
      <div
        aria-hidden
        className="absolute -right-4 bottom-40 hidden items-center gap-2 rounded-xl bg-white px-3 py-2 text-xs font-semibold text-stone-800 shadow-lg ring-1 ring-stone-200 sm:-right-14 sm:flex"
      >
        <span className="grid size-6 place-items-center rounded-full bg-brand-100 text-brand-800">
          <ScanLine className="size-3.5" />
        </span>
        Table 12 scanned the menu
      </div>
    </div>
  );
}
