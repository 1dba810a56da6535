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
import type { TextBlock as Block, TextFace } from "~/server/text/fit-text";
import { notoFonts } from "~/server/text/noto-fonts";
import type { FontChain } from "~/server/text/shaping-font";
import { shapeLine, type PlacedGlyph } from "~/server/text/shape-line";

// Text beyond the standard PDF fonts is drawn as vector outlines, shaped by fontkit, rather than as PDF text in
// an embedded font: pdf-lib's font subsetting drops the parts of Arabic letters and its text drawing ignores
// mark positions, so an Urdu or Arabic restaurant name came out broken. Outlines print the same everywhere.

/** One line of a text block, measured, that draws itself with its left end on the baseline at (x, y). */
export type Line = { width: number; draw: (page: PDFPage, x: number, y: number, color: Color) => void };

/** How a text is measured and drawn: as PDF text in a standard font, or as outlines of Noto shapes. */
export type Face = TextFace<Line>;

/** A name or label fitted onto a card (see fitText), ready to draw. */
export type TextBlock = Block<Line>;

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
    notoFonts(),
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
