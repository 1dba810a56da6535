import { describe, expect, it } from "vitest";
import { formatPrice, minorToInput, minorUnitDigits, parsePrice, PRICE_MINOR_MAX } from "~/lib/money";
import { minorPriceSchema, priceInputSchema } from "~/schemas/price";

const NBSP = "\u00a0";
const MISPLACED_COMMA = "Commas only separate thousands, like 1,250 or 1,25,000";

describe("minorUnitDigits", () => {
  it.each([
    ["PKR", 2],
    ["USD", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["CLF", 4],
    ["pkr", 2],
  ])("%s has %i", (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it("follows ISO 4217 where Intl's display data differs, so stored paisa never turn into rupees", () => {
    // CLDR shows these without decimals; their minor units are still hundredths (thousandths for IQD).
    expect(minorUnitDigits("PKR")).toBe(2);
    expect(minorUnitDigits("HUF")).toBe(2);
    expect(minorUnitDigits("IDR")).toBe(2);
    expect(minorUnitDigits("IQD")).toBe(3);
  });

  it.each(["", "RUPEES", "PK", "12A"])("refuses %j as a currency code", (currency) => {
    expect(() => minorUnitDigits(currency)).toThrow(RangeError);
  });
});

describe("parsePrice", () => {
  it.each([
    ["1250", 125000],
    ["1,250", 125000],
    ["1,250.50", 125050],
    ["1250.5", 125050],
    ["0.29", 29],
    [" Rs 1,250 ", 125000],
    ["PKR 1,250", 125000],
    ["pkr1250", 125000],
    ["1,250 PKR", 125000],
    ["Rs. 1,250.00", 125000],
    ["Rs.50", 5000],
    ["₨1,250", 125000],
    ["Rs 1,250/-", 125000],
    ["1,25,000", 12500000],
    ["12,34,567.50", 123456750],
    ["1,234,567", 123456700],
    [`Rs${NBSP}1,250.50`, 125050],
    ["۱۲۵۰", 125000],
    ["١٢٥٠", 125000],
    ["１２５０", 125000],
    ["0", 0],
    ["0.00", 0],
    ["00012", 1200],
    ["10,000,000", PRICE_MINOR_MAX],
  ])("reads %j as %i paisa", (text, minor) => {
    expect(parsePrice(text, "PKR")).toEqual({ ok: true, minor });
  });

  it.each([
    ["", "Enter a price"],
    ["   ", "Enter a price"],
    ["-5", "Price cannot be negative"],
    ["−5", "Price cannot be negative"],
    ["-Rs 5", "Price cannot be negative"],
    ["Rs -1,250", "Price cannot be negative"],
    ["abc", "Enter a price like 1,250 or 1250.50"],
    ["12abc", "Enter a price like 1,250 or 1250.50"],
    ["Rs", "Enter a price like 1,250 or 1250.50"],
    ["$12", "Enter a price like 1,250 or 1250.50"],
    ["1e3", "Enter a price like 1,250 or 1250.50"],
    ["1E3", "Enter a price like 1,250 or 1250.50"],
    ["NaN", "Enter a price like 1,250 or 1250.50"],
    ["Infinity", "Enter a price like 1,250 or 1250.50"],
    ["+1250", "Enter a price like 1,250 or 1250.50"],
    ["1 250", "Enter a price like 1,250 or 1250.50"],
    [".5", "Enter a price like 1,250 or 1250.50"],
    ["1250.", "Enter a price like 1,250 or 1250.50"],
    ["1250.505", "PKR prices have at most 2 decimals"],
    ["1250.500", "PKR prices have at most 2 decimals"],
    ["1.2.3", "A price has at most one dot; write it like 1,250 or 1250.50"],
    ["1.250.000", "A price has at most one dot; write it like 1,250 or 1250.50"],
    ["1,2,5", MISPLACED_COMMA],
    ["1,2345", MISPLACED_COMMA],
    ["0,250", MISPLACED_COMMA],
    [",250", MISPLACED_COMMA],
    ["1250,", MISPLACED_COMMA],
    ["1.250,50", MISPLACED_COMMA],
    ["12,50", "Use a dot for decimals: 12.50"],
    ["12,5", "Use a dot for decimals: 12.5"],
    ["Rs 1,250,50", "Use a dot for decimals: 1,250.50"],
    ["10,000,000.01", `A price can be at most Rs${NBSP}10,000,000.00`],
    ["99999999999999999999999", `A price can be at most Rs${NBSP}10,000,000.00`],
  ])("refuses %j: %s", (text, message) => {
    expect(parsePrice(text, "PKR")).toEqual({ ok: false, message });
  });

  it("reads each currency with its own digits and symbols", () => {
    expect(parsePrice("¥1,250", "JPY")).toEqual({ ok: true, minor: 1250 });
    expect(parsePrice("JP¥1,250", "JPY")).toEqual({ ok: true, minor: 1250 });
    expect(parsePrice("1,250.50", "JPY")).toEqual({ ok: false, message: "JPY prices have no decimals" });
    expect(parsePrice("12,50", "JPY")).toEqual({ ok: false, message: MISPLACED_COMMA });
    expect(parsePrice("abc", "JPY")).toEqual({ ok: false, message: "Enter a price like 1,250" });
    expect(parsePrice("KWD 1.234", "KWD")).toEqual({ ok: true, minor: 1234 });
    expect(parsePrice("1.2345", "KWD")).toEqual({ ok: false, message: "KWD prices have at most 3 decimals" });
    expect(parsePrice("abc", "KWD")).toEqual({ ok: false, message: "Enter a price like 1,250 or 1250.500" });
    expect(parsePrice("US$12.50", "USD")).toEqual({ ok: true, minor: 1250 });
    expect(parsePrice("$12.50", "USD")).toEqual({ ok: true, minor: 1250 });
    // A symbol belongs to its currency only: rupees typed for a dollar menu are refused, not converted.
    expect(parsePrice("Rs 12", "USD").ok).toBe(false);
  });

  it("keeps the same limit in minor units for every currency", () => {
    expect(parsePrice("1,000,000,000", "JPY")).toEqual({ ok: true, minor: PRICE_MINOR_MAX });
    expect(parsePrice("1,000,000.001", "KWD").ok).toBe(false);
  });
});

describe("formatPrice", () => {
  it.each([
    [125050, "PKR", undefined, `Rs${NBSP}1,250.50`],
    [125000, "PKR", undefined, `Rs${NBSP}1,250.00`],
    [29, "PKR", undefined, `Rs${NBSP}0.29`],
    [0, "PKR", undefined, `Rs${NBSP}0.00`],
    [PRICE_MINOR_MAX, "PKR", undefined, `Rs${NBSP}10,000,000.00`],
    [-125050, "PKR", undefined, `-Rs${NBSP}1,250.50`],
    [12345678, "PKR", "en-IN", `PKR${NBSP}1,23,456.78`],
    [125050, "PKR", "en-US", `PKR${NBSP}1,250.50`],
    [1250, "JPY", undefined, "JP¥1,250"],
    [1234, "KWD", undefined, `KWD${NBSP}1.234`],
    [1500, "KWD", undefined, `KWD${NBSP}1.500`],
    [1250, "USD", "en-US", "$12.50"],
  ])("%i %s in %s → %j", (minor, currency, locale, text) => {
    expect(formatPrice(minor, currency, locale)).toBe(text);
  });

  it("never rounds paisa away, although Intl's own default for PKR is whole rupees", () => {
    expect(new Intl.NumberFormat("en-PK", { style: "currency", currency: "PKR" }).format(1250.5)).not.toContain(".50");
    expect(formatPrice(125050, "PKR")).toContain("1,250.50");
  });

  it("is exact beyond where dividing a float would drift", () => {
    expect(formatPrice(Number.MAX_SAFE_INTEGER, "PKR")).toBe(`Rs${NBSP}90,071,992,547,409.91`);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d as an amount in minor units", (minor) => {
    expect(() => formatPrice(minor, "PKR")).toThrow(RangeError);
  });
});

describe("minorToInput", () => {
  it.each([
    [125050, "PKR", "1250.50"],
    [125000, "PKR", "1250"],
    [125005, "PKR", "1250.05"],
    [5, "PKR", "0.05"],
    [0, "PKR", "0"],
    [1250, "JPY", "1250"],
    [1500, "KWD", "1.500"],
    [1000, "KWD", "1"],
  ])("%i %s → %j", (minor, currency, text) => {
    expect(minorToInput(minor, currency)).toBe(text);
  });

  it.each([-1, 0.5])("refuses %d", (minor) => {
    expect(() => minorToInput(minor, "PKR")).toThrow(RangeError);
  });
});

// Seeded, so a failure names a value that reproduces on every run.
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("round trips", () => {
  const random = mulberry32(20260522);
  // Half spread evenly over the range, half spread over the orders of magnitude, so small prices are tried too.
  const amounts = [
    0,
    1,
    9,
    10,
    99,
    100,
    PRICE_MINOR_MAX,
    ...Array.from({ length: 1000 }, (_, index) =>
      index % 2 === 0 ? Math.floor(random() * (PRICE_MINOR_MAX + 1)) : Math.floor(10 ** (random() * 9)),
    ),
  ];

  it.each(["PKR", "JPY", "KWD", "USD"])("%s: what we show or put in an input reads back unchanged", (currency) => {
    const digits = minorUnitDigits(currency);
    const grouped = (locale: string) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    for (const minor of amounts) {
      for (const text of [
        minorToInput(minor, currency),
        formatPrice(minor, currency),
        formatPrice(minor, currency, "en-IN"),
        grouped("en-PK").format(minorToInput(minor, currency) as `${number}`),
        grouped("en-IN").format(minorToInput(minor, currency) as `${number}`),
      ]) {
        expect(parsePrice(text, currency), `${minor} as ${JSON.stringify(text)}`).toEqual({ ok: true, minor });
      }
    }
  });
});

describe("price schemas", () => {
  it("turns typed text into minor units", () => {
    expect(priceInputSchema("PKR").parse(" Rs 1,250.50 ")).toBe(125050);
    expect(priceInputSchema("JPY").parse("¥1,250")).toBe(1250);
  });

  it("reports parsePrice's message as the issue", () => {
    const result = priceInputSchema("PKR").safeParse("12,50");
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { code: "custom", message: "Use a dot for decimals: 12.50", path: [] },
    ]);
    expect(priceInputSchema("PKR").safeParse(1250).error?.issues[0]?.message).toBe("Enter a price");
  });

  it("checks minor units sent directly", () => {
    expect(minorPriceSchema.parse(0)).toBe(0);
    expect(minorPriceSchema.parse(PRICE_MINOR_MAX)).toBe(PRICE_MINOR_MAX);
    expect(minorPriceSchema.safeParse(-1).error?.issues[0]?.message).toBe("Price cannot be negative");
    expect(minorPriceSchema.safeParse(12.5).error?.issues[0]?.message).toBe(
      "Price must be a whole number of minor units",
    );
    expect(minorPriceSchema.safeParse(PRICE_MINOR_MAX + 1).error?.issues[0]?.message).toBe("That price is too high");
    expect(minorPriceSchema.safeParse("1250").success).toBe(false);
  });
});
