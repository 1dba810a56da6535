import type { ReactNode } from "react";
import { requireUser } from "~/components/auth/current-user";
import { NotAllowed } from "~/components/auth/not-allowed";
import { loadAdminRestaurant } from "~/components/admin/load-admin-restaurant";

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// Above this segment's loading.tsx, so the redirect and an unknown id's 404 are real HTTP answers.
export default async function AdminRestaurantLayout({ children, params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/restaurants/${encodeURIComponent(id)}`);
  if (user.role !== "ADMIN") return <NotAllowed />;
  await loadAdminRestaurant(id);
  return children;
}
