import { z } from "zod";

// The sandbox checkout's forms. Its card is never charged, but it is checked the way a checkout checks one, so a
// typo gets the message a real checkout would give rather than a subscription with a nonsense card.

const digitsOnly = (text: string) => text.replace(/[\s-]/g, "");

/** The Luhn checksum every card number carries. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** "12 / 34", "12/34" or "1234" → month and four-digit year. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\s*\/?\s*(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return null;
  return { month, year: 2000 + Number(match[2]) };
}

/** A card is valid through the last day of its expiry month. */
export function isExpired(expiry: { month: number; year: number }, now: Date): boolean {
  return Date.UTC(expiry.year, expiry.month, 1) <= now.getTime();
}

export const sandboxCardSchema = z.object({
  number: z
    .string({ error: "Enter the card number" })
    .transform(digitsOnly)
    .pipe(
      z
        .string()
        .regex(/^\d{13,19}$/, "Enter the card number: 13 to 19 digits")
        .refine(passesLuhn, "This card number is not valid: check the digits"),
    ),
  expiry: z
    .string({ error: "Enter the expiry date" })
    .refine((text) => parseExpiry(text) !== null, "Enter the expiry date as MM / YY")
    .refine((text) => {
      const expiry = parseExpiry(text);
      return expiry === null || !isExpired(expiry, new Date());
    }, "This card has expired"),
  cvc: z.string({ error: "Enter the security code" }).trim().regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code"),
  name: z.string({ error: "Enter the name on the card" }).trim().min(1, "Enter the name on the card").max(100, "The name can be at most 100 characters"),
});

export type SandboxCard = z.infer<typeof sandboxCardSchema>;

export const sandboxCheckoutRefSchema = z.strictObject({ checkoutId: z.uuid("Unknown checkout") });

export const sandboxPaySchema = z.strictObject({ checkoutId: z.uuid("Unknown checkout"), card: sandboxCardSchema });

const subscriptionId = z.number({ error: "Unknown subscription" }).int("Unknown subscription").positive("Unknown subscription").max(2_147_483_647, "Unknown subscription");

export const sandboxSubscriptionRefSchema = z.strictObject({ subscriptionId });

/** What the sandbox can make Lemon Squeezy do to a subscription. */
export const SANDBOX_ACTIONS = ["fail-payment", "recover", "cancel", "resume", "expire"] as const;
export type SandboxAction = (typeof SANDBOX_ACTIONS)[number];

export const sandboxActionSchema = z.strictObject({
  subscriptionId,
  action: z.enum(SANDBOX_ACTIONS, { error: `Choose one of: ${SANDBOX_ACTIONS.join(", ")}` }),
});

export const sandboxUpdateCardSchema = z.strictObject({ subscriptionId, card: sandboxCardSchema });

/** The card's network from its first digits, as Lemon Squeezy names it in `card_brand`. */
export function cardBrandOf(digits: string): string {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "american_express";
  if (/^6(011|5)/.test(digits)) return "discover";
  if (/^35/.test(digits)) return "jcb";
  return "unknown";
}
