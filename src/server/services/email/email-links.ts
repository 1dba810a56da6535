import { env } from "~/env.js";

// An email is read outside the site, so its links are absolute. Env validation requires SITE_URL with Resend; the
// local mailbox is read on the machine that runs `npm run dev`, whose default address this is.
const DEV_ORIGIN = "http://localhost:3000";

function siteUrl(path: string): string {
  return new URL(path, env.SITE_URL ?? DEV_ORIGIN).toString();
}

export const emailLinks = {
  dashboard: (restaurantId: string) => siteUrl(`/dashboard/restaurants/${restaurantId}`),
  billing: (restaurantId: string) => siteUrl(`/dashboard/restaurants/${restaurantId}/billing`),
  menu: (slug: string) => siteUrl(`/m/${slug}`),
  adminReview: (restaurantId: string) => siteUrl(`/admin/restaurants/${restaurantId}`),
};
