// A small part of the Unicode bidirectional algorithm, enough for one line of a restaurant or table name
// ("Karachi Grill", "کراچی گرل", "میز 12", "Café کراچی"): neither the PDF nor next/og (satori) has a text engine
// that does it. Two levels only (no nesting), digits read left to right, neutrals take the direction of the strong
// letters around them.

export type DirectionalRun = { text: string; rtl: boolean };

type CharClass = "L" | "R" | "NUMBER" | "NEUTRAL" | "MARK";

// Hebrew, Arabic (less its digits), Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic supplements and presentation forms.
const RIGHT_TO_LEFT = /[\u0590-\u05ff\u0600-\u065f\u066a-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

function classify(char: string): CharClass {
  if (/\p{M}/u.test(char)) return "MARK";
  if (RIGHT_TO_LEFT.test(char)) return "R";
  if (/\p{N}/u.test(char)) return "NUMBER";
  if (/\p{L}/u.test(char)) return "L";
  return "NEUTRAL";
}

/** Whether the text reads right to left: its first letter does. */
export function isRightToLeft(text: string): boolean {
  for (const char of text) {
    const kind = classify(char);
    if (kind === "R") return true;
    if (kind === "L") return false;
  }
  return false;
}

/** The text cut where its direction changes, in the order the pieces appear from left to right. */
export function bidiRuns(text: string): DirectionalRun[] {
  const chars = Array.from(text);
  const paragraphRtl = isRightToLeft(text);
  // A combining mark belongs to the letter before it; digits are laid out left to right.
  const kinds: CharClass[] = [];
  for (const char of chars) {
    const kind = classify(char);
    kinds.push(kind === "MARK" ? (kinds.at(-1) ?? "NEUTRAL") : kind);
  }
  const strongRtl = (kind: CharClass | undefined) => (kind === "R" ? true : kind === "L" || kind === "NUMBER" ? false : null);
  const rtl: boolean[] = kinds.map((kind) => strongRtl(kind) ?? paragraphRtl);
  // A run of neutrals between two letters of one direction takes it; elsewhere it takes the paragraph's.
  for (let start = 0; start < kinds.length; ) {
    if (strongRtl(kinds[start]) !== null) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < kinds.length && strongRtl(kinds[end]) === null) end += 1;
    const before = strongRtl(kinds[start - 1]);
    const after = strongRtl(kinds[end]);
    const direction = before !== null && before === after ? before : paragraphRtl;
    for (let index = start; index < end; index += 1) rtl[index] = direction;
    start = end;
  }
  const runs: DirectionalRun[] = [];
  chars.forEach((char, index) => {
    const last = runs.at(-1);
    if (last && last.rtl === rtl[index]) last.text += char;
    else runs.push({ text: char, rtl: rtl[index] ?? paragraphRtl });
  });
  return paragraphRtl ? runs.reverse() : runs;
}
