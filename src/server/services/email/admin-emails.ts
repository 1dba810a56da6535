import { randomUUID } from "node:crypto";
import type { EmailStatus } from "~/generated/prisma/enums";
import type { Db } from "~/server/db-client";
import { invalidState, notFound } from "~/server/errors";
import { EMAILS_QUEUE, type EmailJob } from "~/server/jobs/job-queues";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";
import { writeAudit } from "~/server/services/audit/write-audit";
import { cursorPage, cursorPageArgs } from "~/server/services/shared/cursor-page";
import { enqueueEmail } from "./enqueue-email";

// Prisma passes `contains` to LIKE as is, so "%" or "_" typed into a search box would match anything.
const literally = (search: string) => search.replace(/[\\%_]/g, (character) => `\\${character}`);

/** The outbox for the admin page, newest first; bodies are left out (they can be large), the subject is shown. */
export async function listEmailsForAdmin(db: Db, filter: { status?: EmailStatus; search?: string; cursor?: string; limit: number }) {
  const rows = await db.emailMessage.findMany({
    where: {
      status: filter.status,
      ...(filter.search ? { to: { contains: literally(filter.search), mode: "insensitive" } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorPageArgs(filter),
    select: {
      id: true,
      template: true,
      to: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      providerMessageId: true,
      createdAt: true,
      sentAt: true,
      restaurant: { select: { id: true, name: true } },
    },
  });
  return cursorPage(rows, filter.limit);
}

type Locked = { id: string; status: EmailStatus };

/**
 * An admin's "Resend". A FAILED message is queued again as it is (same row, same Idempotency-Key: it was never
 * delivered). A SENT one is copied into a new message with a new dedupe key, since the provider would answer the old
 * key with the first delivery instead of sending. A PENDING one is still being delivered and is refused. The row is
 * locked, so two admins clicking at once queue it once; the audit entry commits with the change.
 */
export async function resendEmail(db: Db, adminId: string, emailId: string) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Locked[]>`SELECT "id", "status" FROM "EmailMessage" WHERE "id" = ${emailId}::uuid FOR UPDATE`;
    if (!row) throw notFound("Email");
    if (row.status === "PENDING") throw invalidState("This email is still being delivered; wait until it is sent or has failed");

    if (row.status === "FAILED") {
      await tx.emailMessage.update({ where: { id: row.id }, data: { status: "PENDING" } });
      const job: EmailJob = { emailId: row.id };
      await sendInTransaction(tx, EMAILS_QUEUE, job);
      await writeAudit(tx, { actorId: adminId, action: "email.requeued", targetType: "email", targetId: row.id, before: { status: "FAILED" }, after: { status: "PENDING" } });
      return { emailId: row.id, copied: false };
    }

    const original = await tx.emailMessage.findUniqueOrThrow({ where: { id: row.id } });
    const copyId = await enqueueEmail(tx, {
      template: original.template,
      to: original.to,
      subject: original.subject,
      html: original.html,
      text: original.text,
      dedupeKey: `resend:${original.id}:${randomUUID()}`,
      restaurantId: original.restaurantId,
    });
    if (!copyId) throw new Error("A fresh dedupe key collided; this cannot happen");
    await writeAudit(tx, { actorId: adminId, action: "email.resent", targetType: "email", targetId: original.id, after: { copyId } });
    return { emailId: copyId, copied: true };
  });
}
