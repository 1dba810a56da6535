import { describe, expect, it } from "vitest";
import { bidiRuns, isRightToLeft } from "~/server/text/bidi-runs";

const order = (text: string) => bidiRuns(text).map((run) => `${run.rtl ? "R" : "L"}:${run.text}`);

describe("bidiRuns", () => {
  it("keeps left-to-right text in one piece", () => {
    expect(order("Karachi Grill 12")).toEqual(["L:Karachi Grill 12"]);
    expect(isRightToLeft("Karachi")).toBe(false);
  });

  it("keeps an Urdu name with its spaces in one right-to-left piece", () => {
    expect(order("کراچی گرل")).toEqual(["R:کراچی گرل"]);
    expect(isRightToLeft("کراچی گرل")).toBe(true);
  });

  it("puts the digits of a right-to-left label on its left, reading left to right", () => {
    // The space between them belongs to the paragraph's direction, so it stays with the Urdu word.
    expect(order("میز 12")).toEqual(["L:12", "R:میز "]);
    expect(order("میز ۱۲")).toEqual(["L:۱۲", "R:میز "]);
  });

  it("embeds a right-to-left word in a left-to-right name where it stands", () => {
    expect(order("Karachi Grill — کراچی گرل")).toEqual(["L:Karachi Grill — ", "R:کراچی گرل"]);
    expect(order("Café کراچی گرل House")).toEqual(["L:Café ", "R:کراچی گرل", "L: House"]);
  });

  it("gives a combining mark the direction of its letter", () => {
    expect(order("Cafe\u0301 1")).toEqual(["L:Cafe\u0301 1"]);
  });
});
