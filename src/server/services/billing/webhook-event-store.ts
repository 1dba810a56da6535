import type { Prisma } from "~/generated/prisma/client";
import type { WebhookEventStatus } from "~/generated/prisma/enums";
import type { Db } from "~/server/db-client";

type Sql = Pick<Db, "$queryRaw" | "$executeRaw">;

/** One delivery as stored: the columns that do not depend on how processing went. */
export type DeliveryRecord = {
  dedupeKey: string;
  eventName: string;
  resourceType: string | null;
  resourceId: string | null;
  restaurantId: string | null;
  /** The parsed body, or null when it was not JSON (then `rawBody` holds it). */
  payload: Prisma.InputJsonValue | null;
  rawBody: string | null;
};

const json = (payload: Prisma.InputJsonValue | null) => (payload === null ? null : JSON.stringify(payload));

/**
 * Stores a delivery as PROCESSED inside the caller's transaction, or takes over the FAILED row of an earlier
 * attempt. Returns null for a duplicate of an event that was already applied (or ignored, or refused as invalid):
 * the unique dedupe key makes a concurrent duplicate wait for the first transaction and then find its row.
 */
export async function claimDelivery(tx: Sql, record: DeliveryRecord, now: Date): Promise<{ id: string; attempts: number } | null> {
  const rows = await tx.$queryRaw<{ id: string; attempts: number }[]>`
    INSERT INTO "WebhookEvent" ("id", "dedupeKey", "eventName", "resourceType", "resourceId", "restaurantId", "status",
                                "payload", "rawBody", "attempts", "receivedAt", "processedAt")
    VALUES (gen_random_uuid(), ${record.dedupeKey}, ${record.eventName}, ${record.resourceType}, ${record.resourceId},
            ${record.restaurantId}::uuid, 'PROCESSED', ${json(record.payload)}::jsonb, ${record.rawBody}, 1, ${now}, ${now})
    ON CONFLICT ("dedupeKey") DO UPDATE
      SET "status" = 'PROCESSED', "error" = NULL, "attempts" = "WebhookEvent"."attempts" + 1, "processedAt" = EXCLUDED."processedAt"
      WHERE "WebhookEvent"."status" = 'FAILED'
    RETURNING "id", "attempts"`;
  return rows[0] ?? null;
}

/** How processing ended, in the claiming transaction. */
export async function settleDelivery(
  tx: Pick<Db, "webhookEvent">,
  id: string,
  outcome: { status: Extract<WebhookEventStatus, "PROCESSED" | "IGNORED">; note: string | null; restaurantId: string | null },
) {
  await tx.webhookEvent.update({
    where: { id },
    data: { status: outcome.status, error: outcome.note, restaurantId: outcome.restaurantId },
  });
}

/**
 * Keeps a delivery whose processing failed, after its transaction rolled back: a new row, or one more attempt on
 * the FAILED row. A row that meanwhile got PROCESSED (a concurrent retry that worked) is left alone.
 */
export async function recordFailure(db: Sql, record: DeliveryRecord, error: string, now: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WebhookEvent" ("id", "dedupeKey", "eventName", "resourceType", "resourceId", "restaurantId", "status",
                                "error", "payload", "rawBody", "attempts", "receivedAt", "processedAt")
    VALUES (gen_random_uuid(), ${record.dedupeKey}, ${record.eventName}, ${record.resourceType}, ${record.resourceId},
            ${record.restaurantId}::uuid, 'FAILED', ${error}, ${json(record.payload)}::jsonb, ${record.rawBody}, 1, ${now}, ${now})
    ON CONFLICT ("dedupeKey") DO UPDATE
      SET "error" = EXCLUDED."error", "attempts" = "WebhookEvent"."attempts" + 1, "processedAt" = EXCLUDED."processedAt"
      WHERE "WebhookEvent"."status" = 'FAILED'`;
}

/**
 * Stores a delivery that is not processed: IGNORED (an event we do not handle) or INVALID (not JSON, or a shape we
 * refuse). A redelivery of the same bytes finds its row and changes nothing.
 */
export async function storeUnprocessed(
  db: Sql,
  record: DeliveryRecord,
  status: Extract<WebhookEventStatus, "IGNORED" | "INVALID">,
  error: string | null,
  now: Date,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WebhookEvent" ("id", "dedupeKey", "eventName", "resourceType", "resourceId", "restaurantId", "status",
                                "error", "payload", "rawBody", "attempts", "receivedAt", "processedAt")
    VALUES (gen_random_uuid(), ${record.dedupeKey}, ${record.eventName}, ${record.resourceType}, ${record.resourceId},
            ${record.restaurantId}::uuid, ${status}::"WebhookEventStatus", ${error}, ${json(record.payload)}::jsonb, ${record.rawBody},
            1, ${now}, ${now})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}
