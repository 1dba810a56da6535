import type { ReactNode } from "react";
import { RequireAdmin } from "~/components/auth/require-user";

export default function ReviewQueueLayout({ children }: { children: ReactNode }) {
  return <RequireAdmin path="/admin">{children}</RequireAdmin>;
}
