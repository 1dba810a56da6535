import type { ReactNode } from "react";
import { RequireUser } from "~/components/auth/require-user";

export default function DashboardOverviewLayout({ children }: { children: ReactNode }) {
  return <RequireUser path="/dashboard">{children}</RequireUser>;
}
