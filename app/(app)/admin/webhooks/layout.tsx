import type { ReactNode } from "react";
import { RequireAdmin } from "~/components/auth/require-user";

export default function AdminWebhooksLayout({ children }: { children: ReactNode }) {
  return <RequireAdmin path="/admin/webhooks">{children}</RequireAdmin>;
}
