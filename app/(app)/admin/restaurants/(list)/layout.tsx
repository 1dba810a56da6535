import type { ReactNode } from "react";
import { RequireAdmin } from "~/components/auth/require-user";

export default function AdminRestaurantsLayout({ children }: { children: ReactNode }) {
  return <RequireAdmin path="/admin/restaurants">{children}</RequireAdmin>;
}
