import type { Db } from "~/server/db-client";
import type { ClerkIdentity } from "~/server/services/users/clerk-identity";
import { findOrCreateUser, normalizeIdentity } from "~/server/services/users/find-or-create-user";

// user.created / user.updated: the row may not exist yet (the webhook can beat the user's first request, or
// race it), so it goes through the same race-safe get-or-create as sign-in. A replayed delivery finds the
// values already stored and writes nothing. A deleted user stays deleted: Clerk never reuses user ids, so
// a late user.updated must not bring the account back. Svix may deliver an older profile after a newer
// one; the profile's own updated_at decides, inside the update's filter so concurrent deliveries agree.
export async function syncClerkUser(db: Db, identity: ClerkIdentity, profileUpdatedAt: Date, adminEmails: readonly string[]) {
  const input = { authProvider: "CLERK" as const, authUserId: identity.clerkUserId, email: identity.email, name: identity.name };
  const { email, name } = normalizeIdentity(input);
  const user = await findOrCreateUser(db, input, adminEmails);
  if (user.email === email && user.name === name && user.authProfileUpdatedAt?.getTime() === profileUpdatedAt.getTime()) return;
  await db.user.updateMany({
    where: { id: user.id, OR: [{ authProfileUpdatedAt: null }, { authProfileUpdatedAt: { lt: profileUpdatedAt } }] },
    data: { email, name, authProfileUpdatedAt: profileUpdatedAt },
  });
}
