import { env } from "~/env.js";
import type { Db } from "~/server/db-client";

type UserReader = Pick<Db, "user">;

/** Every admin's address: ADMIN users and the ADMIN_EMAILS list (who may not have signed in yet), once each. */
export async function adminRecipients(tx: UserReader): Promise<string[]> {
  const admins = await tx.user.findMany({ where: { role: "ADMIN", deletedAt: null }, select: { email: true }, orderBy: { createdAt: "asc" } });
  const addresses = [...admins.map((admin) => admin.email), ...env.ADMIN_EMAILS].map((email) => email.trim().toLowerCase());
  return [...new Set(addresses.filter(Boolean))];
}

/** The owner's address and name, or null for an owner whose account was deleted: they get no more email. */
export async function ownerRecipient(tx: UserReader, ownerId: string): Promise<{ email: string; name: string | null } | null> {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { email: true, name: true, deletedAt: true } });
  if (!owner || owner.deletedAt || !owner.email) return null;
  return { email: owner.email, name: owner.name };
}
