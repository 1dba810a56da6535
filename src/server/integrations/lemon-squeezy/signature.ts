import { createHmac, timingSafeEqual } from "node:crypto";

// Lemon Squeezy signs each webhook delivery with the store's signing secret: `X-Signature` is the hex HMAC-SHA256
// of the raw request body. The sandbox checkout signs its deliveries with signLemonSqueezyBody, so the webhook
// route checks them exactly as it checks Lemon Squeezy's own.

export const SIGNATURE_HEADER = "x-signature";

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** The `X-Signature` value for this body: lowercase hex HMAC-SHA256, as Lemon Squeezy sends it. */
export function signLemonSqueezyBody(secret: string, rawBody: string | Uint8Array): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

export type SignatureCheck = { ok: true } | { ok: false; error: string };

/**
 * Checks a delivery's `X-Signature` in constant time. A missing, non-hex or wrong-length header is refused before
 * the comparison: timingSafeEqual throws on buffers of unequal length, and a throw here would be a 500.
 */
export function checkLemonSqueezySignature(secret: string, rawBody: string | Uint8Array, header: string | null): SignatureCheck {
  if (!header) return { ok: false, error: "Missing X-Signature header" };
  const given = header.trim();
  if (!HEX_SHA256.test(given)) return { ok: false, error: "X-Signature must be 64 hexadecimal characters (HMAC-SHA256)" };
  const expected = Buffer.from(signLemonSqueezyBody(secret, rawBody), "hex");
  const actual = Buffer.from(given, "hex");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, error: "Invalid X-Signature: it does not match the body signed with the webhook secret" };
  }
  return { ok: true };
}
