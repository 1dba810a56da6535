import { auth, clerkClient } from "@clerk/nextjs/server";
import { env } from "~/env.js";
import type { Db } from "~/server/db-client";
import type { Session } from "~/server/auth/session";
import { findOrCreateUser } from "~/server/services/users/find-or-create-user";

type IdentityClaims = { email?: unknown; name?: unknown };

// Clerk has verified the token (networkless, with CLERK_JWT_KEY) in proxy.ts before we get here.
export async function getClerkSession(db: Db): Promise<Session | null> {
  const { userId: clerkUserId, sessionClaims } = await auth();
  if (!clerkUserId) return null;
  const known = await db.user.findUnique({
    where: { authProvider_authUserId: { authProvider: "CLERK", authUserId: clerkUserId } },
    select: { id: true, role: true, email: true, deletedAt: true },
  });
  if (known?.deletedAt) return null;
  if (known && !(env.ADMIN_EMAILS.includes(known.email) && known.role !== "ADMIN")) {
    return { userId: known.id, role: known.role };
  }
  const identity = await clerkIdentity(clerkUserId, (sessionClaims ?? {}) as IdentityClaims);
  const user = await findOrCreateUser(
    db,
    { authProvider: "CLERK", authUserId: clerkUserId, email: identity.email, name: identity.name },
    env.ADMIN_EMAILS,
  );
  return { userId: user.id, role: user.role };
}

// The session token carries email and name when the Clerk instance adds them as custom claims (see README);
// otherwise the first request of a new user asks Clerk's API once.
async function clerkIdentity(clerkUserId: string, claims: IdentityClaims): Promise<{ email: string; name: string | null }> {
  if (typeof claims.email === "string" && claims.email) {
    return { email: claims.email, name: typeof claims.name === "string" ? claims.name : null };
  }
  const user = await (await clerkClient()).users.getUser(clerkUserId);
  const email =
    user.emailAddresses.find((address) => address.id === user.primaryEmailAddressId)?.emailAddress ??
    user.emailAddresses[0]?.emailAddress ??
    `${clerkUserId}@users.clerk.invalid`;
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ") || null;
  return { email, name };
}
