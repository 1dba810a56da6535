import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { FontChain, ShapingFont } from "~/server/text/shaping-font";

export type NotoFonts = { regular: FontChain; bold: FontChain };

// Noto Sans by script (Fontsource splits it so): Latin and its extensions, Greek, Cyrillic, and Noto Sans Arabic,
// which also covers Urdu and Persian. Other scripts (e.g. Chinese, Devanagari, emoji) are left out.
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

// The fonts never change while the server runs, so they are read once, by the first PDF or picture that needs
// them; a failed read is tried again by the next one.
let fonts: Promise<NotoFonts> | null = null;

/** The regular and bold Noto chains that QR cards and OpenGraph images shape text with. */
export function notoFonts(): Promise<NotoFonts> {
  if (!fonts) {
    fonts = Promise.all([loadChain(400), loadChain(700)]).then(([regular, bold]) => ({ regular, bold }));
    fonts.catch(() => {
      fonts = null;
    });
  }
  return fonts;
}
