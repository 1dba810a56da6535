import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { inOgFont, OG_FONT_CHARACTERS } from "~/server/text/og-font-coverage";

// The OpenGraph image leaves text in these characters to next/og's own font. Should a Next upgrade change that
// font, this fails before menus start showing boxes in their link previews.

describe("the characters left to next/og's font", () => {
  it("are all in the font next/og draws with", async () => {
    const bytes = await readFile(path.join(process.cwd(), "node_modules/next/dist/compiled/@vercel/og/Geist-Regular.ttf"));
    const geist = fontkit.create(bytes);
    expect(OG_FONT_CHARACTERS.filter((char) => !geist.hasGlyphForCodePoint(char.codePointAt(0) ?? 0))).toEqual([]);
  });

  it("take Latin-1 and Windows-1252 names, and send Urdu, Arabic and Polish to the outlines", () => {
    expect(inOgFont("Karachi Grill")).toBe(true);
    expect(inOgFont("Café Mañana — „Œuvre“ 5 €")).toBe(true);
    expect(inOgFont("کراچی گرل")).toBe(false);
    expect(inOgFont("Lahori Chaska لاہوری چسکا")).toBe(false);
    expect(inOgFont("Łódź")).toBe(false);
    expect(inOgFont("Cafe\u0301")).toBe(false);
  });
});
