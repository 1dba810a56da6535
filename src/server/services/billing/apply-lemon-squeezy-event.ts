import type { Prisma } from "~/generated/prisma/client";
import type { LemonSqueezyWebhookEvent } from "~/schemas/lemon-squeezy-webhook";
import { applyInvoiceEvent } from "./apply-invoice-event";
import { applyOrderEvent } from "./apply-order-event";
import { applySubscriptionEvent } from "./apply-subscription-event";
import type { EventOutcome } from "./event-outcome";

/** Applies one parsed event inside the transaction that stores it. */
export function applyLemonSqueezyEvent(tx: Prisma.TransactionClient, event: LemonSqueezyWebhookEvent, now: Date): Promise<EventOutcome> {
  switch (event.kind) {
    case "subscription":
      return applySubscriptionEvent(tx, event, now);
    case "invoice":
      return applyInvoiceEvent(tx, event);
    case "order":
      return applyOrderEvent(tx, event);
  }
}
