import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db-client";
import { EMAILS_QUEUE, type EmailJob } from "~/server/jobs/job-queues";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";
import type { RenderedEmail } from "./templates/layout";

export type EmailToQueue = RenderedEmail & {
  /** Which message this is, e.g. "restaurant-approved". */
  template: string;
  to: string;
  /**
   * One per cause (e.g. "trial-ends-in-3-days:<restaurant>:<trial end>"): a second message with the same key is
   * not queued. Also Resend's Idempotency-Key, which Resend limits to 256 characters.
   */
  dedupeKey: string;
  restaurantId?: string | null;
};

export type EmailTx = Pick<Db, "emailMessage" | "$queryRawUnsafe">;

const MAX_DEDUPE_KEY_LENGTH = 256;

/**
 * Puts a rendered message in the outbox and its delivery job in the queue, both on the caller's transaction: they
 * commit with the change that caused the message, or not at all. A message whose dedupeKey is already in the
 * outbox inserts nothing and queues nothing (INSERT … ON CONFLICT DO NOTHING, which, unlike a unique violation,
 * leaves the transaction usable). Returns the new message's id, or null for a duplicate.
 */
export async function enqueueEmail(tx: EmailTx, message: EmailToQueue): Promise<string | null> {
  if (message.dedupeKey.length === 0 || message.dedupeKey.length > MAX_DEDUPE_KEY_LENGTH) {
    throw new RangeError(`An email's dedupe key must be 1 to ${MAX_DEDUPE_KEY_LENGTH} characters long`);
  }
  const id = randomUUID();
  const { count } = await tx.emailMessage.createMany({
    data: [
      {
        id,
        template: message.template,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        dedupeKey: message.dedupeKey,
        restaurantId: message.restaurantId ?? null,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  const job: EmailJob = { emailId: id };
  await sendInTransaction(tx, EMAILS_QUEUE, job);
  return id;
}
