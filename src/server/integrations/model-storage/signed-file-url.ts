import { createHmac, timingSafeEqual } from "node:crypto";

// The local driver's URLs: the HMAC binds the key to its expiry, so neither can be changed without the secret.
export function signFileUrl(key: string, expires: number, secret: string): string {
  return createHmac("sha256", secret).update(`${key}:${expires}`).digest("hex");
}

export type FileUrlCheck = { ok: true; expires: number } | { ok: false; reason: "missing" | "malformed" | "forged" | "expired" };

/** `expires` is unix seconds; the URL is valid up to and including that second. */
export function verifyFileUrl(
  key: string,
  params: { expires: string | null; sig: string | null },
  secret: string,
  now = new Date(),
): FileUrlCheck {
  if (!params.expires || !params.sig) return { ok: false, reason: "missing" };
  if (!/^[1-9]\d{0,11}$/.test(params.expires) || !/^[0-9a-f]{64}$/.test(params.sig)) return { ok: false, reason: "malformed" };
  const expires = Number(params.expires);
  const expected = Buffer.from(signFileUrl(key, expires, secret), "hex");
  const given = Buffer.from(params.sig, "hex");
  // timingSafeEqual throws on unequal lengths; the format check above already makes them equal.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  if (Math.floor(now.getTime() / 1000) > expires) return { ok: false, reason: "expired" };
  return { ok: true, expires };
}
