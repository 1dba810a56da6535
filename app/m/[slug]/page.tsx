import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadPublicMenu } from "~/components/public-menu/load-public-menu";
import { menuPageUrl } from "~/components/public-menu/menu-page-url";
import { PublicMenuView } from "~/components/public-menu/public-menu-view";

type MenuPageProps = { params: Promise<{ slug: string }> };

// Nothing here reads the request (no searchParams, cookies or headers): the table in `?t=` is read in the browser,
// so one rendering of a menu serves every guest. Each menu is rendered on its first visit and kept until its cache
// tag is revalidated by a change (or a day passes); no menu is rendered at build time, when no database is up.
export const revalidate = 86400;

export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export async function generateMetadata({ params }: MenuPageProps): Promise<Metadata> {
  const { slug } = await params;
  const menu = await loadPublicMenu(slug);
  // Says nothing about whether the slug exists: the not-found page is the same for all hidden menus.
  if (!menu) return { title: "Menu not found", robots: { index: false } };
  const { restaurant } = menu;
  const pageUrl = menuPageUrl(slug);
  const title = `${restaurant.name} — Menu`;
  const description =
    restaurant.description || `The menu of ${restaurant.name}${restaurant.city ? ` in ${restaurant.city}` : ""}: see every dish in 3D and on your table.`;
  return {
    title: { absolute: title },
    description,
    ...(pageUrl ? { metadataBase: new URL(pageUrl.origin), alternates: { canonical: pageUrl.pathname } } : {}),
    openGraph: { type: "website", title, description, siteName: "Foodar", ...(pageUrl ? { url: pageUrl.pathname } : {}) },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function MenuPage({ params }: MenuPageProps) {
  const { slug } = await params;
  const menu = await loadPublicMenu(slug);
  if (!menu) notFound();
  return <PublicMenuView menu={menu} pageUrl={menuPageUrl(slug)} />;
}
