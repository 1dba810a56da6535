/**
 * How a text is measured and laid out by one renderer (PDF text, PDF outlines, SVG outlines): its width at size 1,
 * and a line of it at a size, which the renderer draws later.
 */
export type TextFace<Line> = { widthAtOnePoint: (text: string) => number; line: (text: string, size: number) => Line };

/** The lines of a text, top to bottom, all at one size. */
export type TextBlock<Line> = { size: number; lines: Line[] };

export type FitOptions = { maxWidth: number; size: number; minSize: number; maxLines: number };

const graphemes = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (part) => part.segment);

/**
 * One line at the largest size from `size` down to `minSize` (in half units) at which the text fits; failing
 * that, the text wrapped at `minSize` onto at most `maxLines` lines, the last cut short with an ellipsis if it must be.
 */
export function fitText<Line>(text: string, face: TextFace<Line>, { maxWidth, size, minSize, maxLines }: FitOptions): TextBlock<Line> {
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
