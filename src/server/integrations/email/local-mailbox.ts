import { createHash, randomUUID } from "node:crypto";
import { link, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EmailSender } from "./email-sender";
import { buildMimeMessage } from "./mime-message";

export const LOCAL_EMAIL_FROM = "Foodar <no-reply@foodar.local>";

export function localMailboxDir(dataDir: string): string {
  return path.resolve(dataDir, "mailbox");
}

/** The file a message is stored in, named after its idempotency key: the same message always lands in the same file. */
export function mailboxFileId(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
}

const isAlreadyThere = (error: unknown) => error instanceof Error && "code" in error && error.code === "EEXIST";

/**
 * The email driver of a machine without Resend: each message becomes a MIME file (`<id>.eml`) in the mailbox folder,
 * which the mailbox page reads back. Like Resend's Idempotency-Key, a second send of the same key keeps the first
 * file and reports the same id: the file is written aside and then hard-linked into place, which fails if it exists,
 * so two racing attempts leave exactly one message and a reader never sees half of one.
 */
export function createLocalMailboxSender(options: { dir: string; from?: string; now?: () => Date }): EmailSender {
  const from = options.from ?? LOCAL_EMAIL_FROM;
  const now = options.now ?? (() => new Date());
  return {
    driver: "local",
    async send(email) {
      const fileId = mailboxFileId(email.idempotencyKey);
      const target = path.join(options.dir, `${fileId}.eml`);
      const scratch = path.join(options.dir, `.${fileId}.${randomUUID()}.tmp`);
      await mkdir(options.dir, { recursive: true });
      const mime = buildMimeMessage({ ...email, from, messageId: `${email.id}@foodar.local`, date: now() });
      await writeFile(scratch, mime, { flag: "wx" });
      try {
        await link(scratch, target);
      } catch (error) {
        if (!isAlreadyThere(error)) throw error;
      } finally {
        await rm(scratch, { force: true });
      }
      return { providerMessageId: `local-${fileId}` };
    },
  };
}
