import type { Prisma } from "~/generated/prisma/client";
import type { InvoiceAttributes, InvoiceEventName } from "~/schemas/lemon-squeezy-webhook";
import type { EventOutcome } from "./event-outcome";
import { resolveRestaurant } from "./resolve-restaurant";

type Tx = Prisma.TransactionClient;

type InvoiceEvent = { name: InvoiceEventName; resourceId: string; restaurantId: string | null; attributes: InvoiceAttributes };

/**
 * Records the invoice of a payment event. The subscription's own status (past_due, active again) arrives in the
 * subscription_updated event Lemon Squeezy sends alongside, so a payment event moves no state by itself.
 */
export async function applyInvoiceEvent(tx: Tx, event: InvoiceEvent): Promise<EventOutcome> {
  const attributes = event.attributes;
  const subscription = await tx.subscription.findUnique({ where: { lemonSqueezyId: attributes.subscription_id } });
  if (!subscription) {
    // Lemon Squeezy sends the payment and the subscription_created together, in no set order. Failing makes it
    // retry this one (after about 5 seconds), by which time the subscription is there.
    throw new Error(`Subscription ${attributes.subscription_id} is not known yet; the invoice is applied when Lemon Squeezy retries, after subscription_created`);
  }
  const restaurantId = await resolveRestaurant(tx, event, subscription);

  const existing = await tx.invoice.findUnique({ where: { lemonSqueezyId: event.resourceId } });
  const updatedAt = new Date(attributes.updated_at);
  if (existing && updatedAt.getTime() < existing.sourceUpdatedAt.getTime()) {
    return {
      status: "IGNORED",
      restaurantId,
      note: `Older than the invoice we hold (updated_at ${attributes.updated_at} < ${existing.sourceUpdatedAt.toISOString()}); nothing was changed`,
    };
  }
  const data = {
    status: attributes.status,
    billingReason: attributes.billing_reason,
    currency: attributes.currency.toUpperCase(),
    totalMinor: attributes.total,
    refundedMinor: attributes.refunded_amount ?? (attributes.refunded ? attributes.total : 0),
    invoiceUrl: attributes.urls?.invoice_url ?? existing?.invoiceUrl ?? null,
    issuedAt: new Date(attributes.created_at),
    sourceUpdatedAt: updatedAt,
  };
  await tx.invoice.upsert({
    where: { lemonSqueezyId: event.resourceId },
    create: { ...data, lemonSqueezyId: event.resourceId, subscriptionId: subscription.id },
    update: data,
  });
  return { status: "PROCESSED", restaurantId, note: null };
}
