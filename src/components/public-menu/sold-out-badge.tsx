export function SoldOutBadge() {
  return <span className="rounded-full bg-stone-900 px-2 py-0.5 text-xs font-semibold tracking-wide text-white uppercase">Sold out</span>;
}
