import type { ReactNode } from "react";
import { requireUser } from "~/components/auth/current-user";
import { NotAllowed } from "~/components/auth/not-allowed";

// Used by the layout of each signed-in page, above that page's loading.tsx: a check made outside the
// loading boundary runs before anything is streamed, so an anonymous visitor gets a real 307 to the sign-in
// page (with `path` to come back to) instead of a skeleton followed by a client-side redirect.

export async function RequireUser({ path, children }: { path: string; children: ReactNode }) {
  await requireUser(path);
  return children;
}

/** Signed-in people without the admin role see a "not allowed" page in place of the admin page. */
export async function RequireAdmin({ path, children }: { path: string; children: ReactNode }) {
  const user = await requireUser(path);
  return user.role === "ADMIN" ? children : <NotAllowed />;
}
