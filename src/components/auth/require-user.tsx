import type { ReactNode } from "react";
import { requireAdmin, requireUser } from "~/components/auth/current-user";

// Used by the layout of each signed-in page, above that page's loading.tsx: a check made outside the
// loading boundary runs before anything is streamed, so an anonymous visitor gets a real 307 to the sign-in
// page (with `path` to come back to) instead of a skeleton followed by a client-side redirect.

export async function RequireUser({ path, children }: { path: string; children: ReactNode }) {
  await requireUser(path);
  return children;
}

/** Signed-in people without the admin role get a 403 and the "not allowed" page (app/(app)/admin/forbidden.tsx). */
export async function RequireAdmin({ path, children }: { path: string; children: ReactNode }) {
  await requireAdmin(path);
  return children;
}
