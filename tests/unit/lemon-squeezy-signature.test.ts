import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkLemonSqueezySignature, signLemonSqueezyBody } from "~/server/integrations/lemon-squeezy/signature";

const SECRET = "sandbox-signing-secret";
const BODY = JSON.stringify({ meta: { event_name: "subscription_created" }, data: { id: "1" } });

describe("Lemon Squeezy signature", () => {
  it("is the hex HMAC-SHA256 of the raw body", () => {
    expect(signLemonSqueezyBody(SECRET, BODY)).toBe(createHmac("sha256", SECRET).update(BODY).digest("hex"));
    expect(signLemonSqueezyBody(SECRET, new TextEncoder().encode(BODY))).toBe(signLemonSqueezyBody(SECRET, BODY));
  });

  it("accepts the right signature, in either case", () => {
    const signature = signLemonSqueezyBody(SECRET, BODY);
    expect(checkLemonSqueezySignature(SECRET, BODY, signature)).toEqual({ ok: true });
    expect(checkLemonSqueezySignature(SECRET, BODY, signature.toUpperCase())).toEqual({ ok: true });
  });

  it("refuses missing, malformed, short, long, tampered and wrong-secret signatures without throwing", () => {
    const signature = signLemonSqueezyBody(SECRET, BODY);
    const refused = [
      null,
      "",
      "not-hex-at-all",
      signature.slice(0, 62),
      `${signature}00`,
      `${signature.slice(0, 63)}g`,
      signLemonSqueezyBody("another-secret", BODY),
      signLemonSqueezyBody(SECRET, `${BODY} `),
    ];
    for (const header of refused) {
      expect(checkLemonSqueezySignature(SECRET, BODY, header)).toMatchObject({ ok: false });
    }
    expect(checkLemonSqueezySignature(SECRET, `${BODY} `, signature)).toMatchObject({ ok: false });
  });
});
