import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { notoFonts } from "~/server/text/noto-fonts";
import type { FontChain } from "~/server/text/shaping-font";
import { shapeLine } from "~/server/text/shape-line";
import { svgTextImage, type SvgTextImage } from "~/server/text/svg-text-image";

// The OpenGraph image's outlines: fitted by the cards' rules, sized so the picture takes exactly the text's layout
// box, and aligned by the paragraph's direction. The pictures are rasterised to see where the ink really is.

let chain: FontChain;

beforeAll(async () => {
  chain = (await notoFonts()).regular;
});

const NAME = { size: 96, minSize: 72, maxLines: 2, lineHeight: 1.05, color: "#1c1917" };

/** The layout box: the picture less its (negative) margins. */
const layoutBox = (image: SvgTextImage) => ({
  width: image.width + image.margin.left + image.margin.right,
  height: image.height + image.margin.top + image.margin.bottom,
});

/** Leftmost and rightmost inked columns between two rows of the layout box, in its coordinates. */
async function inkColumns(image: SvgTextImage, fromRow: number, toRow: number) {
  const svg = Buffer.from(image.src.replace("data:image/svg+xml;base64,", ""), "base64");
  const { data, info } = await sharp(svg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let [min, max] = [Infinity, -Infinity];
  for (let row = Math.max(0, Math.round(fromRow - image.margin.top)); row < Math.min(info.height, toRow - image.margin.top); row += 1) {
    for (let column = 0; column < info.width; column += 1) {
      if ((data[(row * info.width + column) * 4 + 3] ?? 0) > 128) [min, max] = [Math.min(min, column), Math.max(max, column)];
    }
  }
  return { min: min + image.margin.left, max: max + image.margin.left };
}

describe("svgTextImage", () => {
  it("draws a short Urdu name on one line at the largest size, the picture covering its ink", async () => {
    const image = svgTextImage("کراچی گرل", chain, { ...NAME, maxWidth: 1040 });
    expect(image).not.toBeNull();
    if (!image) return;
    expect(image).toMatchObject({ size: 96, lines: ["کراچی گرل"] });
    expect(layoutBox(image).width).toBeCloseTo(shapeLine("کراچی گرل", chain).width * 96, 6);
    expect(layoutBox(image).height).toBeCloseTo(96 * 1.05, 6);
    // Urdu descends further than a line of 1.05 leaves room for: the picture overflows its box instead of clipping.
    expect(image.margin.top).toBeLessThanOrEqual(0);
    expect(image.margin.bottom).toBeLessThan(-10);
    const svg = Buffer.from(image.src.replace("data:image/svg+xml;base64,", ""), "base64").toString();
    expect(svg).toMatch(/^<svg [^>]*viewBox="-?\d+ -?\d+ \d+ \d+"><path fill="#1c1917" d="M[^"]+Z"\/><\/svg>$/);
    const ink = await inkColumns(image, 0, layoutBox(image).height);
    expect(ink.min).toBeLessThan(8);
    expect(ink.max).toBeGreaterThan(layoutBox(image).width - 8);
  });

  it("wraps a name too long for one line at the smallest size and aligns a right-to-left one on the right", async () => {
    const image = svgTextImage("کراچی گرل", chain, { ...NAME, maxWidth: 250 });
    expect(image).toMatchObject({ size: 72, lines: ["کراچی", "گرل"] });
    if (!image) return;
    const { width } = layoutBox(image);
    expect(width).toBeLessThanOrEqual(250);
    // The second line's ink is that of the line drawn alone, moved right by what the first line is wider. Rows above
    // its baseline only: the first line's final ی sweeps down into the second line's box.
    const second = await inkColumns(image, 72 * (1.05 + 0.3), 72 * (1.05 + 0.9));
    const alone = svgTextImage("گرل", chain, { ...NAME, size: 72, maxWidth: 250 });
    if (!alone) throw new Error("گرل has no outlines");
    const aloneInk = await inkColumns(alone, 72 * 0.3, 72 * 0.9);
    const shift = width - layoutBox(alone).width;
    expect(shift).toBeGreaterThan(30);
    expect(Math.abs(second.min - (aloneInk.min + shift))).toBeLessThanOrEqual(1.5);
    expect(Math.abs(second.max - (aloneInk.max + shift))).toBeLessThanOrEqual(1.5);
  });

  it("aligns a wrapped left-to-right name on the left", async () => {
    const image = svgTextImage("Łódź Pierogi", chain, { ...NAME, maxWidth: 400 });
    expect(image).toMatchObject({ size: 72, lines: ["Łódź", "Pierogi"] });
    if (!image) return;
    const first = await inkColumns(image, 0, 72 * 1.05);
    expect(first.min).toBeLessThan(8);
    expect(first.max).toBeLessThan(shapeLine("Łódź", chain).width * 72 + 8);
  });

  it("cuts what does not fit in the last line short with an ellipsis", () => {
    const image = svgTextImage("کوئلے پر بنے تکے، کڑاہی اور تازہ نان۔ ".repeat(8).trim(), chain, { ...NAME, size: 34, minSize: 34, maxLines: 3, maxWidth: 980 });
    expect(image?.lines).toHaveLength(3);
    expect(image?.lines.at(-1)).toMatch(/…$/);
    expect(layoutBox(image!).width).toBeLessThanOrEqual(980);
  });

  it("gives nothing for text that no font of the chain has", () => {
    expect(svgTextImage("😀 中文", chain, { ...NAME, maxWidth: 1040 })).toBeNull();
  });
});
