import { randomUUID } from "node:crypto";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { NextFetchEvent } from "next/dist/server/web/spec-extension/fetch-event";
import { NextRequest, type NextMiddleware } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ClerkAuth } from "~/server/auth/clerk-driver";
import type { Session } from "~/server/auth/session";
import { markClerkUserDeleted } from "~/server/services/users/mark-clerk-user-deleted";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The real proxy.ts (clerkMiddleware with jwtKey) verifies self-signed RS256 session tokens; the headers it
// forwards are read back with Clerk's own getAuth, as auth() does in a page, and fed to the Clerk driver.
const APP_ORIGIN = "http://localhost:3000";
const PUBLISHABLE_KEY = `pk_test_${Buffer.from("foodar-test.clerk.accounts.dev$").toString("base64")}`;
const ADMIN_EMAIL = "boss@foodar.test";

let t: TestDatabase;
let signingKey: CryptoKey;
let foreignKey: CryptoKey;
let proxy: NextMiddleware;
let getAuth: typeof import("@clerk/nextjs/server").getAuth;
let sessionForClerkAuth: typeof import("~/server/auth/clerk-driver").sessionForClerkAuth;
const networkCalls: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const instanceKeys = await generateKeyPair("RS256", { modulusLength: 2048 });
  signingKey = instanceKeys.privateKey;
  foreignKey = (await generateKeyPair("RS256", { modulusLength: 2048 })).privateKey;
  // Clerk's SDK reads its keys from the environment when first imported, so they are set before any import.
  vi.stubEnv("CLERK_SECRET_KEY", "sk_test_foodar_offline");
  vi.stubEnv("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", PUBLISHABLE_KEY);
  vi.stubEnv("CLERK_JWT_KEY", await exportSPKI(instanceKeys.publicKey));
  vi.stubEnv("CLERK_AUTHORIZED_PARTIES", APP_ORIGIN);
  vi.stubEnv("ADMIN_EMAILS", ADMIN_EMAIL);
  // @clerk/backend calls the global fetch at call time under NODE_ENV=test: any call is recorded and fails.
  vi.stubGlobal("fetch", (input: RequestInfo | URL) => {
    networkCalls.push(String(input instanceof Request ? input.url : input));
    return Promise.reject(new Error("network access is not allowed in this test"));
  });
  vi.resetModules();
  proxy = (await import("../../proxy")).default;
  getAuth = (await import("@clerk/nextjs/server")).getAuth;
  sessionForClerkAuth = (await import("~/server/auth/clerk-driver")).sessionForClerkAuth;
});

afterEach(() => {
  expect(networkCalls).toEqual([]);
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

type TokenOptions = { sub?: string; key?: CryptoKey; azp?: string; expiresInSeconds?: number; claims?: Record<string, unknown> };

async function sessionToken(options: TokenOptions = {}) {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresInSeconds ?? 60;
  // An already-expired token must also have been issued before it expired.
  const issuedAt = Math.min(now, now + expiresIn - 10);
  return new SignJWT({ sid: `sess_${randomUUID()}`, azp: options.azp ?? APP_ORIGIN, ...options.claims })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer("https://foodar-test.clerk.accounts.dev")
    .setSubject(options.sub ?? `user_${randomUUID()}`)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt - 5)
    .setExpirationTime(now + expiresIn)
    .sign(options.key ?? signingKey);
}

/** One request through proxy.ts, then what auth() sees behind it (Next forwards x-middleware-request-* headers). */
async function throughProxy(token: string | null): Promise<{ status: string | null; message: string; auth: ClerkAuth }> {
  const request = new NextRequest(`${APP_ORIGIN}/dashboard`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const response = await proxy(request, new NextFetchEvent({ request, page: "/dashboard", context: undefined }));
  if (!(response instanceof Response)) throw new Error("proxy.ts returned no response");
  const forwarded = new Headers();
  for (const name of (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter(Boolean)) {
    forwarded.set(name, response.headers.get(`x-middleware-request-${name}`) ?? "");
  }
  const auth = getAuth(new NextRequest(`${APP_ORIGIN}/dashboard`, { headers: forwarded }));
  return { status: forwarded.get("x-clerk-auth-status"), message: forwarded.get("x-clerk-auth-message") ?? "", auth };
}

async function sessionFor(token: string | null): Promise<Session | null> {
  return sessionForClerkAuth(t.db, (await throughProxy(token)).auth);
}

describe("Clerk driver, offline", () => {
  it("verifies a self-signed RS256 token with jwtKey and creates the user from its email and name claims", async () => {
    const sub = `user_${randomUUID()}`;
    const token = await sessionToken({ sub, claims: { email: "Amina@Example.com", name: "Amina Khan" } });

    const { status, auth } = await throughProxy(token);
    expect(status).toBe("signed-in");
    expect(auth.userId).toBe(sub);
    expect(auth.sessionClaims?.email).toBe("Amina@Example.com");

    const session = await sessionForClerkAuth(t.db, auth);
    const row = await t.db.user.findUniqueOrThrow({ where: { authProvider_authUserId: { authProvider: "CLERK", authUserId: sub } } });
    expect(session).toEqual({ userId: row.id, role: "OWNER" });
    expect(row).toMatchObject({ email: "amina@example.com", name: "Amina Khan", deletedAt: null });

    // The next request finds the same row.
    expect(await sessionFor(await sessionToken({ sub, claims: { email: "amina@example.com" } }))).toEqual(session);
    expect(await t.db.user.count({ where: { authUserId: sub } })).toBe(1);
  });

  it("signs out a token signed with another key", async () => {
    const { status, message, auth } = await throughProxy(await sessionToken({ key: foreignKey, claims: { email: "x@example.com" } }));
    expect(status).toBe("signed-out");
    expect(message).toContain("reason=token-invalid-signature");
    expect(auth.userId).toBeNull();
    expect(await sessionForClerkAuth(t.db, auth)).toBeNull();
  });

  it("signs out an expired token", async () => {
    const { status, message, auth } = await throughProxy(await sessionToken({ expiresInSeconds: -120, claims: { email: "x@example.com" } }));
    expect(status).toBe("signed-out");
    expect(message).toContain("reason=token-expired");
    expect(auth.userId).toBeNull();
  });

  it("signs out a token whose azp is not an authorized party", async () => {
    const { status, message, auth } = await throughProxy(await sessionToken({ azp: "https://evil.example", claims: { email: "x@example.com" } }));
    expect(status).toBe("signed-out");
    expect(message).toContain("reason=token-invalid-authorized-parties");
    expect(auth.userId).toBeNull();
  });

  it("gives no session to a request without a token", async () => {
    const { status, auth } = await throughProxy(null);
    expect(status).toBe("signed-out");
    expect(await sessionForClerkAuth(t.db, auth)).toBeNull();
  });

  it("creates exactly one row when a new user's first requests arrive together", async () => {
    const sub = `user_${randomUUID()}`;
    const token = await sessionToken({ sub, claims: { email: "parallel@example.com", name: "Parallel" } });
    const { auth } = await throughProxy(token);
    const sessions = await Promise.all(Array.from({ length: 12 }, () => sessionForClerkAuth(t.db, auth)));
    const ids = new Set(sessions.map((session) => session?.userId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toEqual(expect.any(String));
    expect(await t.db.user.count({ where: { authProvider: "CLERK", authUserId: sub } })).toBe(1);
  });

  it("makes an ADMIN_EMAILS user an admin at sign-in", async () => {
    const session = await sessionFor(await sessionToken({ claims: { email: ADMIN_EMAIL, name: "Boss" } }));
    expect(session?.role).toBe("ADMIN");
  });

  it("treats a deleted user's later requests as signed out", async () => {
    const sub = `user_${randomUUID()}`;
    const token = await sessionToken({ sub, claims: { email: "leaving@example.com" } });
    expect(await sessionFor(token)).not.toBeNull();

    await markClerkUserDeleted(t.db, sub, new Date());

    // The token is still valid for Clerk (it lives up to a minute); the deleted row decides.
    const { status, auth } = await throughProxy(token);
    expect(status).toBe("signed-in");
    expect(await sessionForClerkAuth(t.db, auth)).toBeNull();
    expect(await t.db.user.count({ where: { authUserId: sub } })).toBe(1);
  });

  it("does not create a live account for a user deleted before their first request", async () => {
    const sub = `user_${randomUUID()}`;
    await markClerkUserDeleted(t.db, sub, new Date());

    expect(await sessionFor(await sessionToken({ sub, claims: { email: "gone@example.com" } }))).toBeNull();
    const rows = await t.db.user.findMany({ where: { authProvider: "CLERK", authUserId: sub } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.deletedAt).not.toBeNull();
  });
});
