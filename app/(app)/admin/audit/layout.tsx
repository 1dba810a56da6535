import type { ReactNode } from "react";
import { RequireAdmin } from "~/components/auth/require-user";

export default function AuditLogLayout({ children }: { children: ReactNode }) {
  return <RequireAdmin path="/admin/audit">{children}</RequireAdmin>;
}
