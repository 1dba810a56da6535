import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "~/server/db-client";
import { LOCAL_SESSION_COOKIE, LOCAL_SESSION_MAX_AGE_SECONDS, verifyLocalSession } from "~/server/auth/local-session-cookie";
import { callerFor, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const SITE = "http://localhost:3000";
const ENDPOINT = `${SITE}/api/auth/local/sign-in`;
const SAVED_ENV = { ...process.env };

let t: TestDatabase;
let routeDb: Db;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  t = await createTestDatabase();
  // The route reads its environment when it is imported, as on a server start.
  process.env.DATABASE_URL = t.url;
  process.env.AUTH_MODE = "local";
  process.env.ADMIN_EMAILS = " Boss@Example.com , chief@example.com";
  vi.resetModules();
  ({ POST } = await import("../../app/api/auth/local/sign-in/route"));
  routeDb = (await import("~/server/db")).db;
});

afterAll(async () => {
  await routeDb.$disconnect();
  process.env = SAVED_ENV;
  vi.resetModules();
});

function signIn(fields: Record<string, string>, options: { origin?: string; url?: string } = {}) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (options.origin !== undefined) headers.set("origin", options.origin);
  return POST(new Request(options.url ?? ENDPOINT, { method: "POST", headers, body: new URLSearchParams(fields) }));
}

type Cookie = { name: string; value: string; attributes: Map<string, string> };

function sessionCookieOf(response: Response): Cookie | null {
  for (const header of response.headers.getSetCookie()) {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const [name = "", ...value] = pair.split("=");
    if (name !== LOCAL_SESSION_COOKIE) continue;
    return {
      name,
      value: value.join("="),
      attributes: new Map(
        attributes.map((attribute) => {
          const [key = "", ...rest] = attribute.split("=");
          return [key.toLowerCase(), rest.join("=")] as const;
        }),
      ),
    };
  }
  return null;
}

const userIdIn = async (cookie: Cookie | null) => verifyLocalSession(cookie?.value, process.env.AUTH_SECRET ?? "");

describe("POST /api/auth/local/sign-in", () => {
  it("creates the account on first sign-in by email, sets a signed session cookie and goes to the dashboard", async () => {
    const response = await signIn({ email: "  New.Owner@Example.com ", name: "New Owner" }, { origin: SITE });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${SITE}/dashboard`);

    const user = await t.db.user.findFirstOrThrow({ where: { email: "new.owner@example.com" } });
    expect(user).toMatchObject({ authProvider: "LOCAL", role: "OWNER", name: "New Owner" });

    const cookie = sessionCookieOf(response);
    expect(cookie).not.toBeNull();
    expect(cookie?.attributes.has("httponly")).toBe(true);
    expect(cookie?.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(cookie?.attributes.get("path")).toBe("/");
    expect(cookie?.attributes.get("max-age")).toBe(String(LOCAL_SESSION_MAX_AGE_SECONDS));
    expect(cookie?.attributes.has("secure")).toBe(false);
    expect(await userIdIn(cookie)).toBe(user.id);
    expect(await verifyLocalSession(cookie?.value, "some-other-secret-that-is-32-characters-long")).toBeNull();

    // The session the cookie names is this user, as the app's context would resolve it.
    expect(await callerFor(t.db, sessionOf(user)).account.me()).toMatchObject({ email: "new.owner@example.com", role: "OWNER" });
  });

  it("signs the same person into the same account the next time, however the email is typed", async () => {
    await signIn({ email: "repeat@example.com" });
    const again = await signIn({ email: "REPEAT@example.com " });
    expect(again.status).toBe(303);
    expect(await t.db.user.count({ where: { email: "repeat@example.com" } })).toBe(1);
    const user = await t.db.user.findFirstOrThrow({ where: { email: "repeat@example.com" } });
    expect(await userIdIn(sessionCookieOf(again))).toBe(user.id);
  });

  it("signs in as a listed user by id", async () => {
    const existing = await createUser(t.db, { email: "listed@example.com" });
    const response = await signIn({ userId: existing.id });
    expect(response.headers.get("location")).toBe(`${SITE}/dashboard`);
    expect(await userIdIn(sessionCookieOf(response))).toBe(existing.id);
  });

  it("marks the cookie Secure when the site is served over https", async () => {
    const response = await signIn({ email: "secure@example.com" }, { url: "https://foodar.example/api/auth/local/sign-in" });
    expect(sessionCookieOf(response)?.attributes.has("secure")).toBe(true);
  });

  it.each([
    ["an invalid email", { email: "not-an-email" }, "Enter an email address like owner@example.com"],
    ["no email at all", {}, "Enter an email address like owner@example.com"],
    ["a user id that is not one", { userId: "42" }, "Choose a user from the list"],
  ])("sends %s back to the sign-in page with the error, no cookie, no account", async (_label, fields, message) => {
    const usersBefore = await t.db.user.count();
    const response = await signIn(fields);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${SITE}/sign-in`);
    expect(location.searchParams.get("error")).toBe(message);
    expect(sessionCookieOf(response)).toBeNull();
    expect(await t.db.user.count()).toBe(usersBefore);
  });

  it("sends an unknown or deleted user back to the sign-in page with an error", async () => {
    const deleted = await createUser(t.db, { email: "gone@example.com" });
    await t.db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    for (const userId of [randomUUID(), deleted.id]) {
      const response = await signIn({ userId });
      const location = new URL(response.headers.get("location") ?? "");
      expect(location.pathname).toBe("/sign-in");
      expect(location.searchParams.get("error")).toBe("That user no longer exists; pick another");
      expect(sessionCookieOf(response)).toBeNull();
    }
  });

  it("does not hand a session to a deleted account that signs in by email", async () => {
    const deleted = await createUser(t.db, { email: "removed@example.com" });
    await t.db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const response = await signIn({ email: "removed@example.com" });
    expect(new URL(response.headers.get("location") ?? "").pathname).toBe("/sign-in");
    expect(sessionCookieOf(response)).toBeNull();
    expect(await t.db.user.count({ where: { email: "removed@example.com" } })).toBe(1);
  });

  it("refuses a form posted from another site with 403, and creates nothing", async () => {
    const usersBefore = await t.db.user.count();
    const response = await signIn({ email: "victim@example.com" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Sign-in must come from this site" });
    expect(sessionCookieOf(response)).toBeNull();
    expect(await t.db.user.count()).toBe(usersBefore);
  });

  it("refuses a body that is not a form", async () => {
    const response = await POST(
      new Request(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "json@example.com" }) }),
    );
    expect(response.status).toBe(400);
    expect(sessionCookieOf(response)).toBeNull();
  });

  it("makes people listed in ADMIN_EMAILS admins, new or existing, and sends them to the admin area", async () => {
    const fresh = await signIn({ email: "boss@example.com" });
    expect(fresh.headers.get("location")).toBe(`${SITE}/admin`);
    expect(await t.db.user.findFirstOrThrow({ where: { email: "boss@example.com" } })).toMatchObject({ role: "ADMIN" });

    const existing = await createUser(t.db, { email: "chief@example.com" });
    expect(existing.role).toBe("OWNER");
    const response = await signIn({ userId: existing.id });
    expect(response.headers.get("location")).toBe(`${SITE}/admin`);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ role: "ADMIN" });

    const notListed = await signIn({ email: "boss@example.com.evil" });
    expect(notListed.headers.get("location")).toBe(`${SITE}/dashboard`);
  });

  it("returns to the page the person came from, but only on this site", async () => {
    const cases: [string, string][] = [
      ["/dashboard/restaurants/new?from=landing", `${SITE}/dashboard/restaurants/new?from=landing`],
      ["//evil.example/steal", `${SITE}/dashboard`],
      ["https://evil.example", `${SITE}/dashboard`],
      ["/\\evil.example", `${SITE}/dashboard`],
      ["/\t/evil.example", `${SITE}/dashboard`],
    ];
    for (const [next, expected] of cases) {
      const response = await signIn({ email: "traveller@example.com", next });
      expect(response.headers.get("location"), JSON.stringify(next)).toBe(expected);
    }
  });

  it("keeps a safe next page when sending someone back to fix the form", async () => {
    const response = await signIn({ email: "nope", next: "/admin/audit" });
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe("/admin/audit");
    const unsafe = await signIn({ email: "nope", next: "//evil.example" });
    expect(new URL(unsafe.headers.get("location") ?? "").searchParams.has("next")).toBe(false);
  });
});
