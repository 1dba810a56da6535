import { auth, clerkClient } from "@clerk/nextjs/server";
import { env } from "~/env.js";
import type { Db } from "~/server/db-client";
import type { Session } from "~/server/auth/session";
import { clerkIdentityOf, type ClerkIdentity } from "~/server/services/users/clerk-identity";
import { findOrCreateUser } from "~/server/services/users/find-or-create-user";

/** What this driver needs from Clerk's auth object; split out so the rules are tested without a Next request. */
export type ClerkAuth = { userId: string | null; sessionClaims: Record<string, unknown> | null };

// Clerk has verified the token (networkless, with CLERK_JWT_KEY) in proxy.ts before we get here.
export async function getClerkSession(db: Db): Promise<Session | null> {
  return sessionForClerkAuth(db, await auth());
}

export async function sessionForClerkAuth(
  db: Db,
  { userId: clerkUserId, sessionClaims }: ClerkAuth,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<Session | null> {
  if (!clerkUserId) return null;
  const known = await db.user.findUnique({
    where: { authProvider_authUserId: { authProvider: "CLERK", authUserId: clerkUserId } },
    select: { id: true, role: true, email: true, deletedAt: true },
  });
  // A deleted user's token stays valid for up to a minute after Clerk deletes them; the row decides.
  if (known?.deletedAt) return null;
  if (known && !(adminEmails.includes(known.email) && known.role !== "ADMIN")) {
    return { userId: known.id, role: known.role };
  }
  const identity = await clerkIdentity(clerkUserId, sessionClaims ?? {});
  const user = await findOrCreateUser(
    db,
    { authProvider: "CLERK", authUserId: clerkUserId, email: identity.email, name: identity.name },
    adminEmails,
  );
  return user.deletedAt ? null : { userId: user.id, role: user.role };
}

// The session token carries email and name when the Clerk instance adds them as custom claims (see
// docs/clerk.md); otherwise the first request of a new user asks Clerk's API once.
async function clerkIdentity(clerkUserId: string, claims: Record<string, unknown>): Promise<ClerkIdentity> {
  if (typeof claims.email === "string" && claims.email) {
    return { clerkUserId, email: claims.email, name: typeof claims.name === "string" ? claims.name : null };
  }
  const user = await (await clerkClient()).users.getUser(clerkUserId);
  return clerkIdentityOf({
    clerkUserId,
    emails: user.emailAddresses.map((address) => ({ id: address.id, address: address.emailAddress })),
    primaryEmailId: user.primaryEmailAddressId,
    firstName: user.firstName,
    lastName: user.lastName,
  });
}
