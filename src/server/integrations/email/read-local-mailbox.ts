import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import PostalMime, { type Address } from "postal-mime";

export type MailboxMessage = {
  /** The file's name without `.eml`. */
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: Date | null;
  html: string | null;
  text: string | null;
};

const FILE_ID = /^[a-f0-9]{32}$/;

function addresses(list: Address[] | undefined): string[] {
  return (list ?? []).flatMap((address) => (address.group ? address.group.map((member) => member.address) : [address.address]));
}

function display(address: Address | undefined): string {
  if (!address) return "";
  if (address.group) return address.name;
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

async function parse(file: string, id: string): Promise<MailboxMessage> {
  const email = await PostalMime.parse(await readFile(file));
  const date = email.date ? new Date(email.date) : null;
  return {
    id,
    from: display(email.from),
    to: addresses(email.to),
    subject: email.subject ?? "",
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    html: email.html ?? null,
    text: email.text ?? null,
  };
}

async function messageFiles(dir: string): Promise<{ id: string; file: string; mtimeMs: number }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    // Nothing was sent yet: the folder is made by the first message.
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  }
  const ids = names.filter((name) => name.endsWith(".eml")).map((name) => name.slice(0, -4)).filter((id) => FILE_ID.test(id));
  return Promise.all(
    ids.map(async (id) => {
      const file = path.join(dir, `${id}.eml`);
      return { id, file, mtimeMs: (await stat(file)).mtimeMs };
    }),
  );
}

/**
 * The newest messages in the local mailbox, optionally only those addressed to `recipient` (compared without case).
 * Files are read newest first until `limit` messages are found.
 */
export async function listLocalMailbox(dir: string, options: { limit: number; recipient?: string }): Promise<MailboxMessage[]> {
  const files = (await messageFiles(dir)).sort((a, b) => b.mtimeMs - a.mtimeMs);
  const recipient = options.recipient?.toLowerCase();
  const messages: MailboxMessage[] = [];
  for (const { id, file } of files) {
    if (messages.length >= options.limit) break;
    const message = await parse(file, id);
    if (!recipient || message.to.some((address) => address.toLowerCase() === recipient)) messages.push(message);
  }
  return messages;
}

/** One message by its id, or null for an id that is malformed or names no message. */
export async function readLocalMailboxMessage(dir: string, id: string): Promise<MailboxMessage | null> {
  if (!FILE_ID.test(id)) return null;
  const file = path.join(dir, `${id}.eml`);
  try {
    return await parse(file, id);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  }
}
