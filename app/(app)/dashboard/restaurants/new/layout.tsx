import type { ReactNode } from "react";
import { RequireUser } from "~/components/auth/require-user";

export default function NewRestaurantLayout({ children }: { children: ReactNode }) {
  return <RequireUser path="/dashboard/restaurants/new">{children}</RequireUser>;
}
