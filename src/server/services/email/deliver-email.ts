import type { EmailStatus } from "~/generated/prisma/enums";
import type { Db } from "~/server/db-client";
import { EmailSendError, type EmailSender } from "~/server/integrations/email/email-sender";
import { logger, type Logger } from "~/server/log/logger";

/** Thrown when an attempt failed and another may succeed: the job runner retries it with backoff. */
export class EmailDeliveryRetryError extends Error {
  constructor(emailId: string, cause: string) {
    super(`Email ${emailId} was not delivered and will be retried: ${cause}`);
    this.name = "EmailDeliveryRetryError";
  }
}

export type DeliveryOutcome = "sent" | "failed" | "retry" | "skipped";

type Claimed = { id: string; to: string; subject: string; html: string; text: string; dedupeKey: string; status: EmailStatus };

// The provider call happens while the row is locked; the sender gives up after 30 s, this is the backstop.
const ROW_TIMEOUT_MS = 60_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Delivers one outbox message, at most once. The row is locked FOR UPDATE SKIP LOCKED for the whole attempt, so a
 * second worker given the same message (a retried job, the sweep) finds it busy and leaves it, and one that comes
 * later finds it SENT. If the process dies after the provider accepted the message but before the commit, the row
 * is still PENDING and the next attempt sends again with the same Idempotency-Key, which the provider (and the
 * local mailbox) answer with the first send's result instead of a second email.
 *
 * A failure records the attempt and its error. A retryable one leaves the message PENDING and throws, so the job
 * runner tries again later; a permanent one (the provider refused the message) or the last attempt marks it FAILED.
 */
export async function deliverEmail(
  db: Db,
  sender: EmailSender,
  emailId: string,
  options: { lastAttempt: boolean; now?: () => Date; log?: Logger },
): Promise<DeliveryOutcome> {
  const now = options.now ?? (() => new Date());
  const log = (options.log ?? logger).child({ emailId });
  const outcome = await db.$transaction(
    async (tx): Promise<{ result: DeliveryOutcome; error?: string }> => {
      const [row] = await tx.$queryRaw<Claimed[]>`
        SELECT "id", "to", "subject", "html", "text", "dedupeKey", "status" FROM "EmailMessage"
        WHERE "id" = ${emailId}::uuid FOR UPDATE SKIP LOCKED`;
      // Gone, being delivered by another worker right now, already sent, or given up on: nothing to do here.
      if (!row || row.status !== "PENDING") return { result: "skipped" };
      try {
        const { providerMessageId } = await sender.send({
          id: row.id,
          to: row.to,
          subject: row.subject,
          html: row.html,
          text: row.text,
          idempotencyKey: row.dedupeKey,
        });
        await tx.emailMessage.update({
          where: { id: row.id },
          data: { status: "SENT", providerMessageId, sentAt: now(), attempts: { increment: 1 }, lastError: null },
        });
        return { result: "sent" };
      } catch (error) {
        const retryable = !(error instanceof EmailSendError) || error.retryable;
        const giveUp = !retryable || options.lastAttempt;
        await tx.emailMessage.update({
          where: { id: row.id },
          data: { status: giveUp ? "FAILED" : "PENDING", attempts: { increment: 1 }, lastError: messageOf(error) },
        });
        // The message is named by its id; its body and recipient stay in the outbox row (redacted if they are in
        // the error anyway: html/text by key, token links by the error serializer).
        log[giveUp ? "error" : "warn"](
          { err: error, retryable, outcome: giveUp ? "failed" : "retry" },
          giveUp ? "Email not delivered; marked FAILED" : "Email not delivered; retried later",
        );
        return { result: giveUp ? "failed" : "retry", error: messageOf(error) };
      }
    },
    { timeout: ROW_TIMEOUT_MS },
  );
  if (outcome.result === "sent") log.info("Email delivered");
  if (outcome.result === "retry") throw new EmailDeliveryRetryError(emailId, outcome.error ?? "unknown error");
  return outcome.result;
}
