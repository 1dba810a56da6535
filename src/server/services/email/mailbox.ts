import type { Role } from "~/generated/prisma/enums";
import { listLocalMailbox, readLocalMailboxMessage, type MailboxMessage } from "~/server/integrations/email/read-local-mailbox";

export type { MailboxMessage };

export const MAILBOX_PAGE_SIZE = 100;

/**
 * What the mailbox page shows a signed-in person: admins see every message, anyone else only the messages sent to
 * their own address (the mailbox also holds other owners' payment links). `selectedId` picks the message to open;
 * without it the newest is opened, and one addressed to someone else is treated as missing.
 */
export async function loadMailbox(dir: string, viewer: { email: string; role: Role }, selectedId?: string) {
  const recipient = viewer.role === "ADMIN" ? undefined : viewer.email.toLowerCase();
  const messages = await listLocalMailbox(dir, { limit: MAILBOX_PAGE_SIZE, recipient });
  const opened = selectedId ? await readLocalMailboxMessage(dir, selectedId) : (messages[0] ?? null);
  const allowed = !recipient || Boolean(opened?.to.some((address) => address.toLowerCase() === recipient));
  return { messages, selected: opened && allowed ? opened : null, everyone: !recipient };
}
