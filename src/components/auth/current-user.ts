import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { api } from "~/trpc/server";

// The header and the page both need the user; one lookup per request serves both.
export const getCurrentUser = cache(() => api.account.me());

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

export function signInPath(nextPath: string): string {
  return `/sign-in?next=${encodeURIComponent(nextPath)}`;
}

/** The signed-in user, or a redirect to the sign-in page that comes back to `nextPath`. */
export async function requireUser(nextPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(nextPath));
  return user;
}

/** The signed-in admin, or null for someone signed in without the admin role (the page then says so). */
export async function requireAdmin(nextPath: string): Promise<CurrentUser | null> {
  const user = await requireUser(nextPath);
  return user.role === "ADMIN" ? user : null;
}
