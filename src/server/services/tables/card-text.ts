import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import {
  appendBezierCurve,
  closePath,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  StandardFonts,
  type Color,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from "pdf-lib";
import { bidiRuns } from "~/server/services/tables/bidi-runs";

// Text beyond the standard PDF fonts is drawn as vector outlines, shaped by fontkit, rather than as PDF text in
// an embedded font: pdf-lib's font subsetting drops the parts of Arabic letters and its text drawing ignores
// mark positions, so an Urdu or Arabic restaurant name came out broken. Outlines print the same everywhere.

type PathCommand = { command: "moveTo" | "lineTo" | "quadraticCurveTo" | "bezierCurveTo" | "closePath"; args: number[] };
type Path = { commands: PathCommand[] };
type GlyphRun = { glyphs: { path: Path }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };

/** The part of a fontkit font that we use; the package's types leave out `layout`'s direction and a path's commands. */
type ShapingFont = {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features: string[], script: string | undefined, language: string | undefined, direction: "ltr" | "rtl"): GlyphRun;
};

type FontChain = readonly ShapingFont[];
type CardFonts = { regular: FontChain; bold: FontChain };

// Noto Sans by script (Fontsource splits it so): Latin and its extensions, Greek, Cyrillic, and Noto Sans Arabic,
// which also covers Urdu and Persian. Other scripts (e.g. Chinese, Devanagari, emoji) are left out of the cards.
const FONT_FILES = (weight: 400 | 700) => [
  `noto-sans/files/noto-sans-latin-${weight}-normal.woff`,
  `noto-sans/files/noto-sans-latin-ext-${weight}-normal.woff`,
  `noto-sans/files/noto-sans-greek-${weight}-normal.woff`,
  `noto-sans/files/noto-sans-cyrillic-${weight}-normal.woff`,
  `noto-sans-arabic/files/noto-sans-arabic-arabic-${weight}-normal.woff`,
];

async function loadChain(weight: 400 | 700): Promise<FontChain> {
  // Read from the installed packages, beside the app, rather than bundled into the server build.
  const fontsDir = path.join(process.cwd(), "node_modules", "@fontsource");
  const files = await Promise.all(FONT_FILES(weight).map((file) => readFile(path.join(fontsDir, file))));
  return files.map((bytes) => fontkit.create(bytes) as unknown as ShapingFont);
}

// The fonts never change while the server runs, so they are read once, on the first PDF; a failed read is tried
// again by the next one.
let fonts: Promise<CardFonts> | null = null;
function cardFonts(): Promise<CardFonts> {
  if (!fonts) {
    fonts = Promise.all([loadChain(400), loadChain(700)]).then(([regular, bold]) => ({ regular, bold }));
    fonts.catch(() => {
      fonts = null;
    });
  }
  return fonts;
}

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

type PlacedGlyph = { path: Path; x: number; y: number; scale: number };

/** Shaped at 1 pt: fontkit joins letters and places marks, and returns right-to-left pieces in visual order. */
function shapeLine(text: string, chain: FontChain): { glyphs: PlacedGlyph[]; width: number } {
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

/** One line of a text block, measured, that draws itself with its left end on the baseline at (x, y). */
export type Line = { width: number; draw: (page: PDFPage, x: number, y: number, color: Color) => void };

/** How a text is measured and drawn: as PDF text in a standard font, or as outlines of Noto shapes. */
export type Face = { widthAtOnePoint: (text: string) => number; line: (text: string, size: number) => Line };

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * PDF path operators for the glyphs at `size`, the pen starting at (x, y) on the baseline. Written directly:
 * pdf-lib's SVG path parser takes a fifth of a second for one QR code. PDF has no quadratic curves, so
 * TrueType's become the equivalent cubic ones.
 */
function glyphOperators(glyphs: readonly PlacedGlyph[], x: number, y: number, size: number): PDFOperator[] {
  const operators: PDFOperator[] = [];
  for (const glyph of glyphs) {
    const scale = glyph.scale * size;
    const point = (gx: number, gy: number): [number, number] => [x + glyph.x * size + gx * scale, y + glyph.y * size + gy * scale];
    let current: [number, number] = [x, y];
    for (const { command, args } of glyph.path.commands) {
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
      if (command === "moveTo" || command === "lineTo") {
        current = point(a, b);
        operators.push((command === "moveTo" ? moveTo : lineTo)(round(current[0]), round(current[1])));
      } else if (command === "quadraticCurveTo") {
        const control = point(a, b);
        const end = point(c, d);
        const toward = (from: [number, number]) => from.map((value, axis) => value + (2 / 3) * ((control[axis] ?? 0) - value));
        const [c1x = 0, c1y = 0] = toward(current);
        const [c2x = 0, c2y = 0] = toward(end);
        operators.push(appendBezierCurve(round(c1x), round(c1y), round(c2x), round(c2y), round(end[0]), round(end[1])));
        current = end;
      } else if (command === "bezierCurveTo") {
        const [c1x, c1y] = point(a, b);
        const [c2x, c2y] = point(c, d);
        current = point(e, f);
        operators.push(appendBezierCurve(round(c1x), round(c1y), round(c2x), round(c2y), round(current[0]), round(current[1])));
      } else {
        operators.push(closePath());
      }
    }
  }
  return operators;
}

function outlineFace(chain: FontChain): Face {
  return {
    // Outlines scale exactly with the size (there is no hinting), so one shaping measures every size.
    widthAtOnePoint: (text) => shapeLine(text, chain).width,
    line: (text, size) => {
      const { glyphs, width } = shapeLine(text, chain);
      return {
        width: width * size,
        draw: (page, x, y, color) =>
          page.pushOperators(pushGraphicsState(), setFillingColor(color), ...glyphOperators(glyphs, x, y, size), fill(), popGraphicsState()),
      };
    },
  };
}

function standardFace(font: PDFFont): Face {
  return {
    widthAtOnePoint: (text) => font.widthOfTextAtSize(text, 1),
    line: (text, size) => ({ width: font.widthOfTextAtSize(text, size), draw: (page, x, y, color) => page.drawText(text, { x, y, size, font, color }) }),
  };
}

export type CardFaces = { regular: (text: string) => Face; bold: (text: string) => Face };

/**
 * Text in the standard fonts' (Windows-1252) characters is real PDF text in Helvetica: small and quick, hundreds
 * of cards take a second. Anything else (Urdu, Arabic, Polish, Greek…) is drawn as Noto outlines.
 */
export async function cardFaces(document: PDFDocument): Promise<CardFaces> {
  const [fonts, helvetica, helveticaBold] = await Promise.all([
    cardFonts(),
    document.embedFont(StandardFonts.Helvetica),
    document.embedFont(StandardFonts.HelveticaBold),
  ]);
  const encodable = new Set(helvetica.getCharacterSet());
  const isStandard = (text: string) => Array.from(text).every((char) => encodable.has(char.codePointAt(0) ?? -1));
  const pick = (standard: Face, outline: Face) => (text: string) => (isStandard(text) ? standard : outline);
  return {
    regular: pick(standardFace(helvetica), outlineFace(fonts.regular)),
    bold: pick(standardFace(helveticaBold), outlineFace(fonts.bold)),
  };
}

export type TextBlock = { size: number; lines: Line[] };
type FitOptions = { maxWidth: number; size: number; minSize: number; maxLines: number };

const graphemes = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (part) => part.segment);

/**
 * One line at the largest size from `size` down to `minSize` (in half points) at which the text fits; failing
 * that, the text wrapped at `minSize` onto at most `maxLines` lines, the last cut short with an ellipsis if it must be.
 */
export function fitText(text: string, face: Face, { maxWidth, size, minSize, maxLines }: FitOptions): TextBlock {
  const fitting = Math.floor((2 * maxWidth) / Math.max(face.widthAtOnePoint(text), Number.EPSILON)) / 2;
  if (fitting >= minSize) {
    const chosen = Math.min(size, fitting);
    return { size: chosen, lines: [face.line(text, chosen)] };
  }
  const fits = (line: string) => face.widthAtOnePoint(line) * minSize <= maxWidth;
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const current = lines.at(-1);
    if (current !== undefined && fits(`${current} ${word}`)) lines[lines.length - 1] = `${current} ${word}`;
    else lines.push(word);
  }
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = lines.slice(maxLines - 1).join(" ");
  return { size: minSize, lines: kept.map((line) => face.line(fits(line) ? line : shorten(line, fits), minSize)) };
}

function shorten(line: string, fits: (line: string) => boolean): string {
  const parts = graphemes(line);
  while (parts.length > 0) {
    parts.pop();
    const candidate = `${parts.join("").trimEnd()}…`;
    if (fits(candidate)) return candidate;
  }
  return "…";
}
