import { z } from "zod";
import { parsePrice, PRICE_MINOR_MAX } from "~/lib/money";

/**
 * A price as the owner types it ("1,250", "Rs 1,250.50") → minor units, with parsePrice's message as the issue.
 * The currency is the restaurant's, so forms build it per restaurant; a procedure that only knows the currency
 * after loading the restaurant takes minor units (minorPriceSchema) or parses the text in its service.
 */
export function priceInputSchema(currency: string) {
  return z.string({ error: "Enter a price" }).transform((text, ctx) => {
    const parsed = parsePrice(text, currency);
    if (parsed.ok) return parsed.minor;
    ctx.issues.push({ code: "custom", message: parsed.message, input: text });
    return z.NEVER;
  });
}

export const minorPriceSchema = z
  .number({ error: "Enter a price" })
  .int("Price must be a whole number of minor units")
  .min(0, "Price cannot be negative")
  .max(PRICE_MINOR_MAX, "That price is too high");
