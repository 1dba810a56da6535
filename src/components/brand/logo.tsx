import clsx from "clsx";

/** The mark is a dish on a plate under an AR bracket; drawn inline so no image is fetched. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={clsx("shrink-0", className)}>
      <rect width="32" height="32" rx="9" className="fill-brand-700" />
      <path d="M7 11V8.5A1.5 1.5 0 0 1 8.5 7H11M21 7h2.5A1.5 1.5 0 0 1 25 8.5V11M25 21v2.5a1.5 1.5 0 0 1-1.5 1.5H21M11 25H8.5A1.5 1.5 0 0 1 7 23.5V21" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      <ellipse cx="16" cy="19.5" rx="7" ry="2.4" fill="#fff" opacity="0.9" />
      <path d="M11 18.6c0-3.2 2.2-5.6 5-5.6s5 2.4 5 5.6" fill="#fff" />
      <circle cx="16" cy="12" r="1" fill="#fff" />
    </svg>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={clsx("inline-flex items-center gap-2 text-lg font-extrabold tracking-tight text-stone-900", className)}>
      <LogoMark className="size-8" />
      Foodar
    </span>
  );
}
