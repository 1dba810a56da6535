import type { ReactNode } from "react";
import { requireUser } from "~/components/auth/current-user";
import { loadOwnerRestaurant } from "~/components/restaurants/load-owner-restaurant";

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// Above this segment's loading.tsx, so an anonymous visitor gets a real redirect and another owner's or a
// malformed id a real 404, before anything is streamed.
export default async function RestaurantSettingsLayout({ children, params }: Props) {
  const { id } = await params;
  await requireUser(`/dashboard/restaurants/${encodeURIComponent(id)}`);
  await loadOwnerRestaurant(id);
  return children;
}
