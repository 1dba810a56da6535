// Prices are integers in the currency's minor units (paisa for PKR). This module turns what owners type into
// minor units and back, with integer arithmetic on the digit strings: parseFloat("0.29") * 100 is 28.999….

/** Fits a PostgreSQL `integer` column; for PKR it is Rs 10,000,000. */
export const PRICE_MINOR_MAX = 1_000_000_000;

export const DEFAULT_PRICE_LOCALE = "en-PK";

// ISO 4217 exponents that are not 2. Intl's maximumFractionDigits is CLDR display data, not the minor unit:
// Node 20 reports 0 for PKR (and IQD, HUF, IDR, …) and it changes between ICU versions, so the browser and the
// server could disagree on what a stored number means. This table is the standard and does not move.
const ISO_EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
    3: "BHD IQD JOD KWD LYD OMR TND",
    4: "CLF UYW",
  }).flatMap(([digits, codes]) => codes.split(" ").map((code) => [code, Number(digits)] as const)),
);

function currencyCode(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`Not an ISO 4217 currency code: ${JSON.stringify(currency)}`);
  return code;
}

/** Digits after the decimal point in the currency's minor unit (ISO 4217): PKR 2, JPY 0, KWD 3. */
export function minorUnitDigits(currency: string): number {
  return ISO_EXPONENTS.get(currencyCode(currency)) ?? 2;
}

export type ParsedPrice = { ok: true; minor: number } | { ok: false; message: string };

const markerCache = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// What owners write around the number: the ISO code and the symbols Intl prints for the currency (so a price
// copied from our own formatted text parses back), plus "Rs" that NFKC makes of "₨". An optional dot allows "Rs.".
function currencyMarkers(code: string): RegExp {
  const cached = markerCache.get(code);
  if (cached) return cached;
  const markers = new Set([code]);
  for (const locale of ["en", DEFAULT_PRICE_LOCALE]) {
    for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
      const format = new Intl.NumberFormat(locale, { style: "currency", currency: code, currencyDisplay });
      for (const part of format.formatToParts(1)) {
        if (part.type === "currency") markers.add(part.value.normalize("NFKC"));
      }
    }
  }
  if (code === "PKR") markers.add("Rs");
  const alternatives = [...markers].map(escapeRegExp).join("|");
  const pattern = new RegExp(`^(?:(?:${alternatives})\\.?\\s*(.*)|(.*?)\\s*(?:${alternatives})\\.?)$`, "iu");
  markerCache.set(code, pattern);
  return pattern;
}

function normalize(text: string): string {
  return (
    text
      // Full-width digits and "₨" → ASCII; Urdu and Arabic keyboards type their own digits.
      .normalize("NFKC")
      .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
      .replace(/[\u200e\u200f\u061c]/g, "")
      .replace(/\u2212/g, "-")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function example(digits: number): string {
  return digits === 0 ? "1,250" : `1,250 or 1250.${"5".padEnd(digits, "0")}`;
}

// 1,250 / 1,250,000 (thousands) and 1,25,000 / 12,34,567 (lakh and crore, as written in Pakistan and India).
const GROUPED = /^(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d?(?:,\d{2})*,\d{3})$/;

const MISPLACED_COMMA: ParsedPrice = { ok: false, message: "Commas only separate thousands, like 1,250 or 1,25,000" };

function parseWholeUnits(integer: string): string | undefined {
  if (/^\d+$/.test(integer)) return integer;
  return GROUPED.test(integer) ? integer.replace(/,/g, "") : undefined;
}

/**
 * Reads a price as owners type it ("1,250", "Rs. 1,250.50", "₨1,25,000", "PKR 1250/-") into minor units.
 * Commas only separate thousands (or lakhs); a comma followed by one or two digits at the end is read as a
 * decimal comma typed by mistake and refused with the dot spelling, never guessed. Zero is a valid price:
 * free items (water, chutney) are listed on menus.
 */
export function parsePrice(text: string, currency: string): ParsedPrice {
  const code = currencyCode(currency);
  const digits = minorUnitDigits(code);
  const invalid: ParsedPrice = { ok: false, message: `Enter a price like ${example(digits)}` };

  let body = normalize(text);
  if (body === "") return { ok: false, message: "Enter a price" };
  let negative = false;
  if (body.startsWith("-")) {
    negative = true;
    body = body.slice(1).trimStart();
  }
  body = body.replace(/\s*\/-$/, ""); // "Rs 1,250/-": Pakistani for "the whole amount, no paisa"
  const marked = currencyMarkers(code).exec(body);
  if (marked) body = marked[1] ?? marked[2] ?? "";
  if (body.startsWith("-")) {
    negative = true;
    body = body.slice(1).trimStart();
  }

  if (!/^[\d,.]+$/.test(body)) return invalid;
  const [integer = "", fraction, ...rest] = body.split(".");
  if (rest.length > 0) return { ok: false, message: `A price has at most one dot; write it like ${example(digits)}` };
  if (integer === "" || fraction === "") return invalid;
  if (fraction?.includes(",")) return MISPLACED_COMMA;

  const whole = parseWholeUnits(integer);
  if (whole === undefined) {
    const decimalComma = /^(.+),(\d{1,2})$/.exec(integer);
    if (fraction === undefined && digits > 0 && decimalComma && parseWholeUnits(decimalComma[1] ?? "") !== undefined) {
      return { ok: false, message: `Use a dot for decimals: ${decimalComma[1]}.${decimalComma[2]}` };
    }
    return MISPLACED_COMMA;
  }

  const decimals = fraction ?? "";
  if (decimals.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${code} prices have no decimals` : `${code} prices have at most ${digits} decimals`,
    };
  }
  if (negative) return { ok: false, message: "Price cannot be negative" };

  const minorDigits = `${whole}${decimals.padEnd(digits, "0")}`.replace(/^0+(?=\d)/, "");
  // Compared as text first so that a long run of digits never becomes an inexact Number.
  if (minorDigits.length > String(PRICE_MINOR_MAX).length || Number(minorDigits) > PRICE_MINOR_MAX) {
    return { ok: false, message: `A price can be at most ${formatPrice(PRICE_MINOR_MAX, code)}` };
  }
  return { ok: true, minor: Number(minorDigits) };
}

function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an amount in minor units: ${minor}`);
}

// The exact decimal text of an amount, by moving the point in the digit string rather than dividing a float.
function decimalText(minor: number, digits: number): { whole: string; fraction: string } {
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return { whole: text.slice(0, text.length - digits), fraction: text.slice(text.length - digits) };
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function priceFormatter(locale: string, code: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${code}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    // Both bounds set: CLDR would otherwise round PKR to whole rupees, showing Rs 1,250.50 as Rs 1,251.
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: code,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/** 125050 PKR → "Rs 1,250.50" (with a no-break space, as Intl prints it), always with the currency's decimals. */
export function formatPrice(minor: number, currency: string, locale: string = DEFAULT_PRICE_LOCALE): string {
  assertMinor(minor);
  const code = currencyCode(currency);
  const digits = minorUnitDigits(code);
  const { whole, fraction } = decimalText(minor, digits);
  const sign = minor < 0 ? "-" : "";
  // A decimal string is formatted exactly (Intl.NumberFormat v3); engines without it read it as a Number,
  // which is still exact for any price up to PRICE_MINOR_MAX.
  const decimal = `${sign}${whole}${digits > 0 ? `.${fraction}` : ""}` as `${number}`;
  return priceFormatter(locale, code, digits).format(decimal);
}

/** The text to put back into a price input: 125050 PKR → "1250.50", 125000 → "1250"; parsePrice reads it back. */
export function minorToInput(minor: number, currency: string): string {
  assertMinor(minor);
  if (minor < 0) throw new RangeError(`A price cannot be negative: ${minor}`);
  const { whole, fraction } = decimalText(minor, minorUnitDigits(currency));
  return /^0*$/.test(fraction) ? whole : `${whole}.${fraction}`;
}
