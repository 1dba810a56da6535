import type { Prisma } from "~/generated/prisma/client";
import type { WebhookEventStatus } from "~/generated/prisma/enums";
import { parseLemonSqueezyWebhook } from "~/schemas/lemon-squeezy-webhook";
import type { Db } from "~/server/db-client";
import { invalidState, notFound } from "~/server/errors";
import { writeAudit } from "~/server/services/audit/write-audit";
import { cursorPage, cursorPageArgs } from "~/server/services/shared/cursor-page";
import { processDelivery } from "./receive-lemon-squeezy-webhook";
import type { DeliveryRecord } from "./webhook-event-store";

// Prisma passes `contains` to LIKE as is, so "%" or "_" typed into a search box would match anything.
const literally = (search: string) => search.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Stored deliveries for the admin page, newest first, with their payloads (a few kilobytes each). */
export async function listWebhookEventsForAdmin(db: Db, filter: { status?: WebhookEventStatus; search?: string; cursor?: string; limit: number }) {
  const rows = await db.webhookEvent.findMany({
    where: {
      status: filter.status,
      ...(filter.search ? { eventName: { contains: literally(filter.search), mode: "insensitive" } } : {}),
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    ...cursorPageArgs(filter),
  });
  return cursorPage(rows, filter.limit);
}

export type ReprocessResult = { status: "PROCESSED" | "IGNORED" | "FAILED" | "ALREADY_PROCESSED"; message: string | null };

/**
 * An admin's "Re-process" of a FAILED event: the stored payload goes through exactly what a Lemon Squeezy retry
 * would go through, and the audit entry commits with the change it made. If it fails again the event stays FAILED
 * with the new error, and the attempt is audited all the same. Two admins clicking at once process it once.
 */
export async function reprocessWebhookEvent(db: Db, adminId: string, webhookEventId: string, now: Date): Promise<ReprocessResult> {
  const row = await db.webhookEvent.findUnique({ where: { id: webhookEventId } });
  if (!row) throw notFound("Webhook event");
  if (row.status !== "FAILED") {
    throw invalidState(`Only failed events can be re-processed; this one is ${row.status.toLowerCase()}`);
  }
  const parsed = parseLemonSqueezyWebhook(row.payload);
  if (!parsed.ok || !parsed.event) {
    throw invalidState(`The stored payload can no longer be read as a handled event: ${parsed.ok ? "its event is not handled" : parsed.error}`);
  }
  const record: DeliveryRecord = {
    dedupeKey: row.dedupeKey,
    eventName: row.eventName,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    restaurantId: row.restaurantId,
    payload: row.payload as Prisma.InputJsonValue,
    rawBody: row.rawBody,
  };
  const audit = { actorId: adminId, targetType: "webhook_event" as const, targetId: row.id, before: { status: row.status, error: row.error } };

  const result = await processDelivery(db, parsed.event, record, now, (tx, id, outcome) =>
    writeAudit(tx, { ...audit, targetId: id, action: "webhook.reprocessed", after: { status: outcome.status, note: outcome.note } }),
  );
  if (result.status === 200 && (result.body.outcome === "processed" || result.body.outcome === "ignored")) {
    return { status: result.body.outcome === "processed" ? "PROCESSED" : "IGNORED", message: result.body.message ?? null };
  }
  if (result.status === 200 && result.body.outcome === "duplicate") return { status: "ALREADY_PROCESSED", message: null };

  const failed = await db.webhookEvent.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, error: true } });
  await writeAudit(db, { ...audit, action: "webhook.reprocess_failed", after: { status: failed.status, error: failed.error } });
  return { status: "FAILED", message: failed.error };
}
