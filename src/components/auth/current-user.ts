import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { api } from "~/trpc/server";

// The header and the page both need the user; one lookup per request serves both.
export const getCurrentUser = cache(() => api.account.me());

type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

function signInPath(nextPath: string): string {
  return `/sign-in?next=${encodeURIComponent(nextPath)}`;
}

/** The signed-in user, or a redirect to the sign-in page that comes back to `nextPath`. */
export async function requireUser(nextPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(nextPath));
  return user;
}

/**
 * The signed-in admin, a redirect to sign in, or a 403 (app/(app)/admin/forbidden.tsx). Layouts and pages render
 * concurrently, so each admin page calls this before loading data, not only its layout.
 */
export async function requireAdmin(nextPath: string): Promise<CurrentUser> {
  const user = await requireUser(nextPath);
  if (user.role !== "ADMIN") forbidden();
  return user;
}
