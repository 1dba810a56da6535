import { ReceiptText } from "lucide-react";
import { formatBillingDate, vendorStatusLabel } from "~/lib/billing-labels";
import { formatPrice } from "~/lib/money";

type Invoice = {
  id: string;
  issuedAt: Date;
  status: string;
  billingReason: string;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  invoiceUrl: string | null;
};

const REASON: Record<string, string> = { initial: "First payment", renewal: "Monthly renewal", updated: "Plan change" };

/** The invoices Lemon Squeezy reported in its payment events, newest first. */
export function InvoiceHistory({ invoices }: { invoices: Invoice[] }) {
  return (
    <section aria-labelledby="invoices-title">
      <h2 id="invoices-title" className="mb-3 text-base font-semibold text-stone-900">
        Invoices
      </h2>
      {invoices.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-stone-600">
          <ReceiptText aria-hidden className="size-4" />
          No invoices yet. They appear here after each payment.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-stone-600 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">Date</th>
                <th scope="col" className="py-2 pr-4 font-semibold">For</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Amount</th>
                <th scope="col" className="py-2 font-semibold"><span className="sr-only">Invoice</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {invoices.map((invoice) => (
                <tr key={invoice.id} data-testid="invoice-row">
                  <td className="py-2 pr-4 whitespace-nowrap">{formatBillingDate(invoice.issuedAt)}</td>
                  <td className="py-2 pr-4">{REASON[invoice.billingReason] ?? vendorStatusLabel(invoice.billingReason)}</td>
                  <td className="py-2 pr-4">{invoice.status === "pending" ? "Payment failed, retrying" : vendorStatusLabel(invoice.status)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums whitespace-nowrap">
                    {formatPrice(invoice.totalMinor, invoice.currency)}
                    {invoice.refundedMinor > 0 ? <span className="block text-xs text-stone-600">{formatPrice(invoice.refundedMinor, invoice.currency)} refunded</span> : null}
                  </td>
                  <td className="py-2 text-right">
                    {invoice.invoiceUrl ? (
                      <a href={invoice.invoiceUrl} className="font-semibold text-brand-800 underline-offset-2 hover:underline" rel="noreferrer">
                        View
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
