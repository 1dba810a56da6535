import { isRightToLeft } from "~/server/text/bidi-runs";
import { fitText, type FitOptions, type TextFace } from "~/server/text/fit-text";
import type { FontChain } from "~/server/text/shaping-font";
import { shapeLine, type ShapedLine } from "~/server/text/shape-line";
import { glyphPathData, type Bounds } from "~/server/text/svg-glyph-path";

export type SvgTextOptions = FitOptions & {
  /** Distance between baselines, as a multiple of the size (CSS's unitless line-height). */
  lineHeight: number;
  /** CSS colour of the ink. */
  color: string;
};

/**
 * A text as an SVG picture of its outlines, for renderers that cannot shape it themselves (next/og's satori lays
 * out neither Arabic joining nor right-to-left text). The text's layout box, as CSS would give it (lines of
 * `size * lineHeight`, as wide as the widest line), is `width` less the side margins by `height` less the top and
 * bottom ones: the margins are zero or negative, so the picture takes the layout box's room while the ink of tall
 * marks and deep descenders, which CSS lets overflow its line, is not clipped.
 */
export type SvgTextImage = {
  src: string;
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The size the text was fitted at, and its lines top to bottom. */
  size: number;
  lines: string[];
};

type Line = { text: string; shaped: ShapedLine };

/**
 * The text fitted to `maxWidth` by the rules of the QR cards (fitText) and drawn with the chain; characters no font
 * of the chain has are left out. Lines of a right-to-left paragraph are aligned right, others left. Null when
 * nothing of the text can be ink.
 */
export function svgTextImage(text: string, chain: FontChain, { lineHeight, color, ...fit }: SvgTextOptions): SvgTextImage | null {
  const face: TextFace<Line> = {
    widthAtOnePoint: (part) => shapeLine(part, chain).width,
    line: (part) => ({ text: part, shaped: shapeLine(part, chain) }),
  };
  const block = fitText(text, face, fit);
  const { size, lines } = block;
  const pitch = size * lineHeight;
  const boxWidth = Math.max(...lines.map((line) => line.shaped.width * size));
  const boxHeight = lines.length * pitch;
  // CSS puts a line's baseline by the main font's ascent and descent, the leading split evenly above and below.
  const main = chain[0];
  const [ascent, descent] = main ? [main.ascent / main.unitsPerEm, main.descent / main.unitsPerEm] : [0.8, -0.2];
  const baselineInLine = (pitch - (ascent - descent) * size) / 2 + ascent * size;
  const rtl = isRightToLeft(text);

  let ink: Bounds | null = null;
  const paths: string[] = [];
  for (const [index, line] of lines.entries()) {
    const x = rtl ? boxWidth - line.shaped.width * size : 0;
    const { d, bounds } = glyphPathData(line.shaped.glyphs, x, index * pitch + baselineInLine, size);
    if (!bounds) continue;
    paths.push(d);
    ink = ink ? union(ink, bounds) : bounds;
  }
  if (!ink) return null;

  // Whole pixels around both the layout box and the ink.
  const left = Math.floor(Math.min(0, ink.minX));
  const top = Math.floor(Math.min(0, ink.minY));
  const right = Math.ceil(Math.max(boxWidth, ink.maxX));
  const bottom = Math.ceil(Math.max(boxHeight, ink.maxY));
  const width = right - left;
  const height = bottom - top;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}">` +
    `<path fill="${escapeAttribute(color)}" d="${paths.join("")}"/></svg>`;
  return {
    src: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    width,
    height,
    margin: { top, left, right: boxWidth - right, bottom: boxHeight - bottom },
    size,
    lines: lines.map((line) => line.text),
  };
}

const union = (a: Bounds, b: Bounds): Bounds => ({
  minX: Math.min(a.minX, b.minX),
  minY: Math.min(a.minY, b.minY),
  maxX: Math.max(a.maxX, b.maxX),
  maxY: Math.max(a.maxY, b.maxY),
});

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
