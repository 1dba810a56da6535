import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { loadPublicMenu } from "~/components/public-menu/load-public-menu";

// The picture shown when a menu link is shared in a chat. It is drawn from text alone with next/og's bundled font:
// nothing is fetched (our own photos sit behind relative URLs the renderer could not reach while building).

export const alt = "The restaurant's menu on Foodar";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function MenuOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const menu = await loadPublicMenu(slug);
  if (!menu) notFound();
  const { restaurant } = menu;
  const dishes = menu.categories.reduce((count, category) => count + category.products.length, 0);
  const inThreeD = menu.categories.reduce((count, category) => count + category.products.filter((product) => product.model).length, 0);
  const facts = [
    restaurant.city,
    `${dishes} ${dishes === 1 ? "dish" : "dishes"}`,
    inThreeD > 0 ? `${inThreeD} in 3D and AR` : null,
  ].filter(Boolean);

  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "72px 80px",
          background: "linear-gradient(135deg, #fff7ed 0%, #ffedd5 55%, #fed7aa 100%)",
          color: "#1c1917",
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 30, color: "#9a3412", letterSpacing: 6, textTransform: "uppercase" }}>
          <div style={{ display: "flex", width: 56, height: 56, borderRadius: 16, background: "#c2410c" }} />
          Menu
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
          <div style={{ display: "flex", fontSize: restaurant.name.length > 28 ? 72 : 96, lineHeight: 1.05, letterSpacing: -2 }}>{restaurant.name}</div>
          {restaurant.description ? (
            <div style={{ display: "flex", fontSize: 34, color: "#57534e", lineHeight: 1.3, maxWidth: 980 }}>
              {restaurant.description.length > 120 ? `${restaurant.description.slice(0, 117)}…` : restaurant.description}
            </div>
          ) : null}
        </div>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 28, color: "#44403c" }}>
          <div style={{ display: "flex" }}>{facts.join("  ·  ")}</div>
          <div style={{ display: "flex", color: "#9a3412" }}>Foodar</div>
        </div>
      </div>
    ),
    size,
  );
}
