import type { Prisma } from "~/generated/prisma/client";
import { parseLemonSqueezyWebhook, type LemonSqueezyWebhookEvent, type WebhookEnvelope } from "~/schemas/lemon-squeezy-webhook";
import type { Db } from "~/server/db-client";
import { logger, type Logger } from "~/server/log/logger";
import { applyLemonSqueezyEvent } from "./apply-lemon-squeezy-event";
import type { EventOutcome } from "./event-outcome";
import { dedupeKeyOf, invalidDedupeKeyOf } from "./webhook-dedupe-key";
import { claimDelivery, recordFailure, settleDelivery, storeUnprocessed, type DeliveryRecord } from "./webhook-event-store";
import { WebhookRejectedError } from "./webhook-rejection";

export type WebhookResult =
  | { status: 200; body: { received: true; outcome: "processed" | "duplicate" | "ignored" | "rejected"; message?: string } }
  | { status: 400; body: { error: string } }
  | { status: 500; body: { error: string } };

// Enough for a few events of one restaurant queued behind each other on its row lock.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

function recordOf(envelope: WebhookEnvelope | null, payload: Prisma.InputJsonValue | null, rawBody: string, dedupeKey: string): DeliveryRecord {
  return {
    dedupeKey,
    eventName: envelope?.eventName ?? (payload === null ? "(not JSON)" : "(unreadable)"),
    resourceType: envelope?.resourceType ?? null,
    resourceId: envelope?.resourceId ?? null,
    restaurantId: envelope?.restaurantId ?? null,
    payload,
    // The raw text is kept only when there is no parsed payload to show instead.
    rawBody: payload === null ? rawBody : null,
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Applies an event and stores it in one transaction, or, when applying fails, stores it FAILED with its error in a
 * separate write after the rollback. A rejection (see WebhookRejectedError) is acknowledged; any other failure
 * answers 500 so that Lemon Squeezy retries, and the retry takes over the FAILED row.
 */
export async function processDelivery(
  db: Db,
  event: LemonSqueezyWebhookEvent,
  record: DeliveryRecord,
  now: Date,
  alsoInTransaction?: (tx: Prisma.TransactionClient, webhookEventId: string, outcome: EventOutcome) => Promise<void>,
  log: Logger = logger,
): Promise<WebhookResult> {
  try {
    const outcome = await db.$transaction(async (tx) => {
      const claimed = await claimDelivery(tx, record, now);
      if (!claimed) return null;
      const applied = await applyLemonSqueezyEvent(tx, event, now);
      await settleDelivery(tx, claimed.id, applied);
      await alsoInTransaction?.(tx, claimed.id, applied);
      return applied;
    }, TRANSACTION_OPTIONS);
    if (!outcome) return { status: 200, body: { received: true, outcome: "duplicate" } };
    return outcome.status === "PROCESSED"
      ? { status: 200, body: { received: true, outcome: "processed" } }
      : { status: 200, body: { received: true, outcome: "ignored", message: outcome.note ?? undefined } };
  } catch (error) {
    const message = messageOf(error);
    const context = { eventName: record.eventName, dedupeKey: record.dedupeKey, restaurantId: record.restaurantId };
    // With the database down the failure cannot be stored either: still answer (and log) a 500, so Lemon Squeezy
    // retries the delivery, instead of throwing out of the route.
    const recorded = await recordFailure(db, record, message, now).then(
      () => true,
      (recordError: unknown) => {
        log.error({ err: recordError, ...context }, `Lemon Squeezy ${record.eventName} could not be recorded as failed`);
        return false;
      },
    );
    if (recorded && error instanceof WebhookRejectedError) return { status: 200, body: { received: true, outcome: "rejected", message } };
    log.error({ err: error, ...context }, `Lemon Squeezy ${record.eventName} failed`);
    return { status: 500, body: { error: "The event could not be processed; it is kept and will be processed again when it is retried" } };
  }
}

/** The whole of a delivery whose signature has been checked: parse, store, apply. */
export async function receiveLemonSqueezyWebhook(db: Db, rawBody: string, now: Date, log: Logger = logger): Promise<WebhookResult> {
  let payload: Prisma.InputJsonValue;
  try {
    payload = JSON.parse(rawBody) as Prisma.InputJsonValue;
  } catch {
    const error = "Body is not valid JSON";
    await storeUnprocessed(db, recordOf(null, null, rawBody, invalidDedupeKeyOf(rawBody)), "INVALID", error, now);
    return { status: 400, body: { error } };
  }

  const parsed = parseLemonSqueezyWebhook(payload);
  if (!parsed.ok) {
    await storeUnprocessed(db, recordOf(parsed.envelope, payload, rawBody, invalidDedupeKeyOf(rawBody)), "INVALID", parsed.error, now);
    return { status: 400, body: { error: parsed.error } };
  }
  const record = recordOf(parsed.envelope, payload, rawBody, dedupeKeyOf(parsed.envelope, rawBody));
  if (!parsed.event) {
    const message = `Event ${parsed.envelope.eventName} is not handled; stored and ignored`;
    await storeUnprocessed(db, record, "IGNORED", message, now);
    return { status: 200, body: { received: true, outcome: "ignored", message } };
  }
  return processDelivery(db, parsed.event, record, now, undefined, log);
}
