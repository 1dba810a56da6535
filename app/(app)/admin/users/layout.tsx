import type { ReactNode } from "react";
import { RequireAdmin } from "~/components/auth/require-user";

export default function AdminUsersLayout({ children }: { children: ReactNode }) {
  return <RequireAdmin path="/admin/users">{children}</RequireAdmin>;
}
