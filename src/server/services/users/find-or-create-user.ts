import type { Db } from "~/server/db-client";
import { Prisma } from "~/generated/prisma/client";
import type { AuthProvider } from "~/generated/prisma/enums";

export type IdentityInput = {
  authProvider: AuthProvider;
  authUserId: string;
  email: string;
  name?: string | null;
};

/** Emails are compared case-insensitively everywhere (ADMIN_EMAILS, make-admin), so they are stored lower-case. */
export function normalizeIdentity(identity: IdentityInput) {
  return { ...identity, email: identity.email.trim().toLowerCase(), name: identity.name?.trim() || null };
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Called on the first authenticated request of a user the database has not seen. Two such requests can
// arrive together (a page and its data fetch): the unique (authProvider, authUserId) index lets one insert
// win, and the loser reads the winner's row.
export async function findOrCreateUser(db: Db, identity: IdentityInput, adminEmails: readonly string[]) {
  const { email, name } = normalizeIdentity(identity);
  const key = { authProvider: identity.authProvider, authUserId: identity.authUserId };
  const shouldBeAdmin = adminEmails.includes(email);
  const existing = await db.user.findUnique({ where: { authProvider_authUserId: key } });
  if (existing) {
    if (shouldBeAdmin && existing.role !== "ADMIN") {
      return db.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
    }
    return existing;
  }
  try {
    return await db.user.create({
      data: { ...key, email, name, role: shouldBeAdmin ? "ADMIN" : "OWNER" },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.user.findUniqueOrThrow({ where: { authProvider_authUserId: key } });
  }
}
