/** One drawing command of a glyph's outline, in font units with y pointing up. */
export type PathCommand = { command: "moveTo" | "lineTo" | "quadraticCurveTo" | "bezierCurveTo" | "closePath"; args: number[] };
export type GlyphPath = { commands: PathCommand[] };
type GlyphRun = { glyphs: { path: GlyphPath }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };

/** The part of a fontkit font that we use; the package's types leave out `layout`'s direction and a path's commands. */
export type ShapingFont = {
  unitsPerEm: number;
  /** Above and below the baseline in font units (descent is negative), as CSS uses them to place a line's baseline. */
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features: string[], script: string | undefined, language: string | undefined, direction: "ltr" | "rtl"): GlyphRun;
};

/** Fonts tried in order for each character; the first is the text's main font. */
export type FontChain = readonly ShapingFont[];
