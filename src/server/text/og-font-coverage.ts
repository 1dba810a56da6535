// next/og (satori) draws text with one bundled font, Geist, which has every character of Windows-1252 (printable
// ASCII, Latin-1 and the 27 extras such as € and „) and no Arabic script at all. Text made only of these keeps
// satori's own text drawing; anything else goes to our Noto outlines. It is the same line the QR cards draw between
// Helvetica and outlines, so a name that needs outlines on the cards needs them in the preview too.

const EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

/** The characters text may use to be drawn by next/og's bundled font (the soft hyphen, which Geist lacks, is left out). */
export const OG_FONT_CHARACTERS: readonly string[] = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCodePoint(0x20 + index)),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, index) => String.fromCodePoint(0xa0 + index)).filter((char) => char !== "\u00ad"),
  ...EXTRAS,
];

const characters = new Set(OG_FONT_CHARACTERS);

/** Whether next/og's bundled font has every character of the text. */
export const inOgFont = (text: string): boolean => Array.from(text).every((char) => characters.has(char));
