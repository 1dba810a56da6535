import type { ReactNode } from "react";
import { requireAdmin } from "~/components/auth/current-user";
import { loadAdminRestaurant } from "~/components/admin/load-admin-restaurant";

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// Above this segment's loading.tsx, so the redirect and an unknown id's 404 are real HTTP answers.
export default async function AdminRestaurantLayout({ children, params }: Props) {
  const { id } = await params;
  await requireAdmin(`/admin/restaurants/${encodeURIComponent(id)}`);
  await loadAdminRestaurant(id);
  return children;
}
