import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import type { CSSProperties } from "react";
import { loadPublicMenu } from "~/components/public-menu/load-public-menu";
import { notoFonts } from "~/server/text/noto-fonts";
import { inOgFont } from "~/server/text/og-font-coverage";
import { svgTextImage, type SvgTextOptions } from "~/server/text/svg-text-image";

// The picture shown when a menu link is shared in a chat. It is drawn from text alone: nothing is fetched (our own
// photos sit behind relative URLs the renderer could not reach while building).
//
// Text that next/og's bundled font (Geist) can draw stays satori text, so Latin names look as they always have.
// Satori cannot draw the rest: Geist has no Arabic script, and satori neither joins Arabic letters (its opentype.js
// refuses Noto Sans Arabic) nor lays out right-to-left text. That text (Urdu, Arabic, Polish…) is shaped as on the
// QR cards, over the Noto chain, and embedded as an SVG picture of its outlines, fitted by the cards' rules. Drawing
// every text that way would be simpler but would swap Geist for Noto Sans on every Latin menu.

export const alt = "The restaurant's menu on Foodar";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const PADDING = { vertical: 72, horizontal: 80 };
const CONTENT_WIDTH = size.width - 2 * PADDING.horizontal;
const DESCRIPTION_MAX = 120;
/** What the counts and "Foodar" leave of the bottom line. */
const CITY_MAX_WIDTH = 520;

export default async function MenuOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const menu = await loadPublicMenu(slug);
  if (!menu) notFound();
  const { restaurant } = menu;
  const dishes = menu.categories.reduce((count, category) => count + category.products.length, 0);
  const inThreeD = menu.categories.reduce((count, category) => count + category.products.filter((product) => product.model).length, 0);
  // The counts follow the city as separate pieces: an Urdu city in the same text would make it a right-to-left
  // paragraph and put the counts on its left.
  const counts = [`${dishes} ${dishes === 1 ? "dish" : "dishes"}`, inThreeD > 0 ? `${inThreeD} in 3D and AR` : null].filter(Boolean).join("  ·  ");
  const description = restaurant.description.length > DESCRIPTION_MAX ? `${restaurant.description.slice(0, DESCRIPTION_MAX - 3)}…` : restaurant.description;
  const { regular } = await notoFonts();

  /** The text as satori text in `style` when the bundled font has it, else as a picture of its Noto outlines. */
  const text = (content: string, style: CSSProperties & { color: string }, outlines: Omit<SvgTextOptions, "color">) => {
    // One paragraph: line breaks and runs of spaces collapse, as CSS collapses them in satori text, so a Latin
    // description with a line break still counts as Latin.
    const collapsed = content.replace(/\s+/gu, " ").trim();
    if (inOgFont(collapsed)) return <div style={{ display: "flex", ...style }}>{collapsed}</div>;
    const image = svgTextImage(collapsed, regular, { ...outlines, color: style.color });
    if (!image) return null;
    const { margin } = image;
    return (
      <img
        src={image.src}
        width={image.width}
        height={image.height}
        alt=""
        style={{ marginTop: margin.top, marginRight: margin.right, marginBottom: margin.bottom, marginLeft: margin.left }}
      />
    );
  };

  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: `${PADDING.vertical}px ${PADDING.horizontal}px`,
          background: "linear-gradient(135deg, #fff7ed 0%, #ffedd5 55%, #fed7aa 100%)",
          color: "#1c1917",
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 30, color: "#9a3412", letterSpacing: 6, textTransform: "uppercase" }}>
          <div style={{ display: "flex", width: 56, height: 56, borderRadius: 16, background: "#c2410c" }} />
          Menu
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
          {text(
            restaurant.name,
            // At most two lines, like the outlines, so a long name cannot push the rest off the picture.
            { display: "block", lineClamp: 2, fontSize: restaurant.name.length > 28 ? 72 : 96, lineHeight: 1.05, letterSpacing: -2, color: "#1c1917" },
            { maxWidth: CONTENT_WIDTH, size: 96, minSize: 72, maxLines: 2, lineHeight: 1.05 },
          )}
          {description
            ? text(description, { fontSize: 34, color: "#57534e", lineHeight: 1.3, maxWidth: 980 }, { maxWidth: 980, size: 34, minSize: 34, maxLines: 3, lineHeight: 1.3 })
            : null}
        </div>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 28, color: "#44403c" }}>
          <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
            {restaurant.city ? text(restaurant.city, { color: "#44403c" }, { maxWidth: CITY_MAX_WIDTH, size: 28, minSize: 20, maxLines: 1, lineHeight: 1.3 }) : null}
            {restaurant.city ? <div style={{ display: "flex" }}>·</div> : null}
            <div style={{ display: "flex" }}>{counts}</div>
          </div>
          <div style={{ display: "flex", color: "#9a3412" }}>Foodar</div>
        </div>
      </div>
    ),
    size,
  );
}
