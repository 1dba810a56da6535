import type { Prisma } from "~/generated/prisma/client";
import type { OrderAttributes, OrderEventName } from "~/schemas/lemon-squeezy-webhook";
import { writeAudit } from "~/server/services/audit/write-audit";
import type { EventOutcome } from "./event-outcome";
import { resolveRestaurant } from "./resolve-restaurant";

type Tx = Prisma.TransactionClient;

type OrderEvent = { name: OrderEventName; resourceId: string; restaurantId: string | null; attributes: OrderAttributes };

/**
 * Orders are the checkout's first payment; the subscription events carry the state that matters, so an order is
 * kept as its stored event. A refund is money going back to the owner, which admins should see in the restaurant's
 * history: it is audited.
 */
export async function applyOrderEvent(tx: Tx, event: OrderEvent): Promise<EventOutcome> {
  const subscription = await tx.subscription.findFirst({ where: { orderId: event.resourceId } });
  const restaurantId = await resolveRestaurant(tx, event, subscription);
  if (event.name === "order_refunded") {
    const attributes = event.attributes;
    await writeAudit(tx, {
      actorId: null,
      action: "billing.order_refunded",
      targetType: "restaurant",
      targetId: restaurantId,
      after: {
        orderId: event.resourceId,
        orderNumber: attributes.order_number,
        status: attributes.status,
        currency: attributes.currency,
        totalMinor: attributes.total,
        refundedMinor: attributes.refunded_amount ?? (attributes.refunded ? attributes.total : 0),
      },
      reason: "Lemon Squeezy order_refunded",
    });
  }
  return { status: "PROCESSED", restaurantId, note: null };
}
