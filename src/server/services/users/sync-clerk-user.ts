import type { Db } from "~/server/db-client";
import type { ClerkIdentity } from "~/server/services/users/clerk-identity";
import { findOrCreateUser, normalizeIdentity } from "~/server/services/users/find-or-create-user";

// user.created / user.updated: the row may not exist yet (the webhook can beat the user's first request, or
// race it), so it goes through the same race-safe get-or-create as sign-in. A replayed delivery finds the
// values already stored and writes nothing. A deleted user stays deleted: Clerk never reuses user ids, so
// a late user.updated must not bring the account back.
export async function syncClerkUser(db: Db, identity: ClerkIdentity, adminEmails: readonly string[]) {
  const input = { authProvider: "CLERK" as const, authUserId: identity.clerkUserId, email: identity.email, name: identity.name };
  const { email, name } = normalizeIdentity(input);
  const user = await findOrCreateUser(db, input, adminEmails);
  if (user.email === email && user.name === name) return user;
  return db.user.update({ where: { id: user.id }, data: { email, name } });
}
