import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  LOCAL_SESSION_MAX_AGE_SECONDS,
  localSessionCookieOptions,
  signLocalSession,
  verifyLocalSession,
} from "~/server/auth/local-session-cookie";

const SECRET = "a-local-secret-of-at-least-thirty-two-chars";
const OTHER_SECRET = "another-secret-of-at-least-thirty-two-chars";
const USER_ID = "0b7f3c8e-4a1d-4e5b-8c9f-2d6a1e3b5c7d";
const issuedAt = new Date("2026-11-01T10:00:00.000Z");
const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

/** Replaces the payload of a signed token with another one, keeping the original signature. */
function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${header}.${body}.${signature}`;
}

describe("local session cookie", () => {
  it("names the signed-in user while it is valid", async () => {
    const token = await signLocalSession(USER_ID, SECRET, issuedAt);
    expect(await verifyLocalSession(token, SECRET, issuedAt)).toBe(USER_ID);
    expect(await verifyLocalSession(token, SECRET, later(LOCAL_SESSION_MAX_AGE_SECONDS - 60))).toBe(USER_ID);
  });

  it("signs the user out once the session has expired", async () => {
    const token = await signLocalSession(USER_ID, SECRET, issuedAt);
    expect(await verifyLocalSession(token, SECRET, later(LOCAL_SESSION_MAX_AGE_SECONDS + 60))).toBeNull();
  });

  it("refuses a cookie signed with another secret", async () => {
    const forged = await signLocalSession(USER_ID, OTHER_SECRET, issuedAt);
    expect(await verifyLocalSession(forged, SECRET, issuedAt)).toBeNull();
  });

  it("refuses a cookie whose user id was changed", async () => {
    const token = await signLocalSession(USER_ID, SECRET, issuedAt);
    const [, payload] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
    const tampered = withPayload(token, { ...claims, sub: "ffffffff-ffff-4fff-8fff-ffffffffffff" });
    expect(tampered).not.toBe(token);
    expect(await verifyLocalSession(tampered, SECRET, issuedAt)).toBeNull();
  });

  it("refuses a cookie whose expiry was pushed back", async () => {
    const token = await signLocalSession(USER_ID, SECRET, issuedAt);
    const [, payload] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
    const extended = withPayload(token, { ...claims, exp: Math.floor(later(10 * LOCAL_SESSION_MAX_AGE_SECONDS).getTime() / 1000) });
    expect(await verifyLocalSession(extended, SECRET, later(2 * LOCAL_SESSION_MAX_AGE_SECONDS))).toBeNull();
  });

  it("refuses an unsigned token (alg: none)", async () => {
    const unsigned = new UnsecuredJWT({}).setSubject(USER_ID).setIssuer("foodar-local").setIssuedAt().setExpirationTime("1h").encode();
    expect(await verifyLocalSession(unsigned, SECRET)).toBeNull();
  });

  it("refuses a token signed with the same secret for another purpose (issuer)", async () => {
    const other = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(USER_ID)
      .setIssuer("someone-else")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyLocalSession(other, SECRET)).toBeNull();
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["garbage", "not-a-token"],
    ["three garbage parts", "a.b.c"],
  ])("treats a %s cookie as signed out", async (_label, token) => {
    expect(await verifyLocalSession(token, SECRET)).toBeNull();
  });

  it("is set httpOnly, SameSite=Lax, site-wide, for the session's lifetime, and Secure over https", () => {
    expect(localSessionCookieOptions(true)).toEqual({
      httpOnly: true,
      sameSite: "lax",
      secure: true,
      path: "/",
      maxAge: LOCAL_SESSION_MAX_AGE_SECONDS,
    });
    expect(localSessionCookieOptions(false).secure).toBe(false);
  });
});
