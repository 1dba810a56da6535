import type { ReactNode } from "react";
import { RequireAdmin } from "~/components/auth/require-user";

export default function AdminEmailsLayout({ children }: { children: ReactNode }) {
  return <RequireAdmin path="/admin/emails">{children}</RequireAdmin>;
}
