import { bidiRuns } from "~/server/text/bidi-runs";
import type { FontChain, GlyphPath, ShapingFont } from "~/server/text/shaping-font";

type FontRun = { font: ShapingFont; text: string; rtl: boolean };

/**
 * The text in pieces of one font and one direction, in the order they appear from left to right. A character
 * stays in the font of the one before it when that font has it, so the spaces of an Arabic name are shaped with
 * its words. Characters that no font has are left out.
 */
function fontRuns(text: string, chain: FontChain): FontRun[] {
  const visual: FontRun[] = [];
  for (const run of bidiRuns(text)) {
    const pieces: FontRun[] = [];
    for (const char of run.text) {
      const codePoint = char.codePointAt(0) ?? 0;
      const current = pieces.at(-1);
      if (current?.font.hasGlyphForCodePoint(codePoint)) {
        current.text += char;
        continue;
      }
      const font = chain.find((candidate) => candidate.hasGlyphForCodePoint(codePoint));
      if (font) pieces.push({ font, text: char, rtl: run.rtl });
    }
    visual.push(...(run.rtl ? pieces.reverse() : pieces));
  }
  return visual;
}

/**
 * A glyph placed on a line shaped at size 1: its origin at (x, y) from the line's start on the baseline, y up,
 * and `scale` turning its outline's font units into that size.
 */
export type PlacedGlyph = { path: GlyphPath; x: number; y: number; scale: number };

/** A line's glyphs from left to right and its advance width, both at size 1; multiply by a size to draw it. */
export type ShapedLine = { glyphs: PlacedGlyph[]; width: number };

/**
 * One line of text shaped at size 1 over the chain: fontkit joins letters and places marks, and right-to-left
 * pieces come out in visual order. Outlines have no hinting, so one shaping serves every size.
 */
export function shapeLine(text: string, chain: FontChain): ShapedLine {
  let pen = 0;
  const placed: PlacedGlyph[] = [];
  for (const run of fontRuns(text, chain)) {
    const scale = 1 / run.font.unitsPerEm;
    const { glyphs, positions } = run.font.layout(run.text, [], undefined, undefined, run.rtl ? "rtl" : "ltr");
    glyphs.forEach((glyph, index) => {
      const position = positions[index] ?? { xAdvance: 0, xOffset: 0, yOffset: 0 };
      placed.push({ path: glyph.path, x: pen + position.xOffset * scale, y: position.yOffset * scale, scale });
      pen += position.xAdvance * scale;
    });
  }
  return { glyphs: placed, width: pen };
}
