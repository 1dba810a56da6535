import { jwtVerify, SignJWT } from "jose";

// The local driver's session: a JWT (HS256, AUTH_SECRET) in an httpOnly, SameSite=Lax cookie. It names the
// user only; the role is read from the database on every request so promotions and deletions apply at once.
export const LOCAL_SESSION_COOKIE = "foodar_session";
export const LOCAL_SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;
const ISSUER = "foodar-local";

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signLocalSession(userId: string, secret: string, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LOCAL_SESSION_MAX_AGE_SECONDS)
    .sign(key(secret));
}

/** Returns the user id, or null for a missing, forged, expired or malformed cookie. */
export async function verifyLocalSession(token: string | undefined, secret: string, now = new Date()): Promise<string | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      currentDate: now,
    });
    return typeof payload.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}

export function localSessionCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: LOCAL_SESSION_MAX_AGE_SECONDS,
  };
}
