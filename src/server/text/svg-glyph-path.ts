import type { PlacedGlyph } from "~/server/text/shape-line";

/** A rectangle in SVG user units, y pointing down. */
export type Bounds = { minX: number; minY: number; maxX: number; maxY: number };

export type GlyphPathData = { d: string; bounds: Bounds | null };

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * SVG path data for the glyphs at `size`, the pen starting at (x, baseline) with y pointing down as in SVG (font
 * outlines point up), and the box around every point of it: control points included, so it holds all the ink
 * and a little more, which is all a box that must not clip the ink needs.
 */
export function glyphPathData(glyphs: readonly PlacedGlyph[], x: number, baseline: number, size: number): GlyphPathData {
  const parts: string[] = [];
  let bounds: Bounds | null = null;
  for (const glyph of glyphs) {
    const scale = glyph.scale * size;
    const point = (gx: number, gy: number) => {
      const px = round(x + glyph.x * size + gx * scale);
      const py = round(baseline - glyph.y * size - gy * scale);
      bounds = bounds
        ? { minX: Math.min(bounds.minX, px), minY: Math.min(bounds.minY, py), maxX: Math.max(bounds.maxX, px), maxY: Math.max(bounds.maxY, py) }
        : { minX: px, minY: py, maxX: px, maxY: py };
      return `${px} ${py}`;
    };
    for (const { command, args } of glyph.path.commands) {
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
      if (command === "moveTo") parts.push(`M${point(a, b)}`);
      else if (command === "lineTo") parts.push(`L${point(a, b)}`);
      else if (command === "quadraticCurveTo") parts.push(`Q${point(a, b)} ${point(c, d)}`);
      else if (command === "bezierCurveTo") parts.push(`C${point(a, b)} ${point(c, d)} ${point(e, f)}`);
      else parts.push("Z");
    }
  }
  return { d: parts.join(""), bounds };
}
