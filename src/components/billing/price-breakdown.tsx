import { formatPrice } from "~/lib/money";

type PriceBreakdownProps = {
  price: { currency: string; monthlyFeeMinor: number; productFeeMinor: number; publishedProducts: number; productsMinor: number; totalMinor: number };
};

/** Monthly fee + published dishes × the fee per dish = the next invoice, as Lemon Squeezy will bill it. */
export function PriceBreakdown({ price }: PriceBreakdownProps) {
  const money = (minor: number) => formatPrice(minor, price.currency);
  const dishes = `${price.publishedProducts} published ${price.publishedProducts === 1 ? "dish" : "dishes"} × ${money(price.productFeeMinor)}`;
  return (
    <section aria-labelledby="price-title">
      <h2 id="price-title" className="mb-3 text-base font-semibold text-stone-900">
        Next invoice estimate
      </h2>
      <dl className="divide-y divide-stone-200 text-sm">
        <div className="flex justify-between gap-4 py-2">
          <dt className="text-stone-700">Monthly fee</dt>
          <dd className="font-medium text-stone-900 tabular-nums">{money(price.monthlyFeeMinor)}</dd>
        </div>
        <div className="flex justify-between gap-4 py-2">
          <dt className="text-stone-700">{dishes}</dt>
          <dd className="font-medium text-stone-900 tabular-nums">{money(price.productsMinor)}</dd>
        </div>
        <div className="flex justify-between gap-4 py-2" data-testid="invoice-estimate">
          <dt className="font-semibold text-stone-900">Estimated total</dt>
          <dd className="font-semibold text-stone-900 tabular-nums">{money(price.totalMinor)}</dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-stone-600">
        Dishes count when they are on your menu (hidden ones do not). The count is sent to Lemon Squeezy whenever it changes.
      </p>
    </section>
  );
}
