import type { ReactNode } from "react";
import { getCurrentUser } from "~/components/auth/current-user";
import { AdminNav } from "~/components/admin/admin-nav";
import { AppShell } from "~/components/shell/app-shell";

// Each page checks the role itself (it knows its own URL for the sign-in redirect); the layout only decides
// whether the admin navigation is worth showing.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return <AppShell subnav={user?.role === "ADMIN" ? <AdminNav /> : null}>{children}</AppShell>;
}
