import { beforeAll, describe, expect, it } from "vitest";
import { notoFonts } from "~/server/text/noto-fonts";
import type { FontChain } from "~/server/text/shaping-font";
import { shapeLine, type ShapedLine } from "~/server/text/shape-line";

// The shaping the QR cards and the OpenGraph image share, against the real Noto fonts: a right-to-left name must
// come out joined and in visual order, or both outputs draw it backwards or as loose letters.

let chain: FontChain;

beforeAll(async () => {
  chain = (await notoFonts()).regular;
});

const outlines = (line: ShapedLine) => line.glyphs.map((glyph) => JSON.stringify(glyph.path.commands));
const inked = (line: ShapedLine) => line.glyphs.filter((glyph) => glyph.path.commands.length > 0);

describe("shapeLine", () => {
  it("lays an Urdu name out right to left: its last word on the left, its first on the right", () => {
    const name = shapeLine("کراچی گرل", chain);
    const first = shapeLine("کراچی", chain);
    const second = shapeLine("گرل", chain);
    expect(outlines(name).slice(0, second.glyphs.length)).toEqual(outlines(second));
    expect(outlines(name).slice(-first.glyphs.length)).toEqual(outlines(first));
    // Every glyph but the space's has an outline.
    expect(inked(name)).toHaveLength(name.glyphs.length - 1);
    expect(name.width).toBeGreaterThan(first.width + second.width);
  });

  it("joins Arabic letters: a word's glyphs are not the letters' isolated forms", () => {
    const word = shapeLine("کراچی", chain);
    const isolated = Array.from("کراچی").flatMap((letter) => outlines(shapeLine(letter, chain)));
    // The first letter is drawn rightmost, in its initial form.
    expect(outlines(word).at(-1)).not.toEqual(isolated[0]);
    expect(outlines(word).filter((outline) => !isolated.includes(outline)).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps a Latin name left to right before the Urdu one that follows it", () => {
    const mixed = shapeLine("Lahori Chaska لاہوری چسکا", chain);
    const latin = shapeLine("Lahori Chaska ", chain);
    const urdu = shapeLine("لاہوری چسکا", chain);
    expect(outlines(mixed)).toEqual([...outlines(latin), ...outlines(urdu)]);
    expect(mixed.width).toBeCloseTo(latin.width + urdu.width, 6);
  });

  it("leaves out characters that no font of the chain has, rather than drawing boxes", () => {
    const withEmoji = shapeLine("Karachi 😀中 Grill", chain);
    const without = shapeLine("Karachi  Grill", chain);
    expect(outlines(withEmoji)).toEqual(outlines(without));
    expect(withEmoji.width).toBeCloseTo(without.width, 6);
    expect(shapeLine("😀", chain)).toEqual({ glyphs: [], width: 0 });
  });
});
