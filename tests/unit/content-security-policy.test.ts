import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import {
  clerkFrontendApiOrigin,
  menuContentSecurityPolicy,
  NO_DOCUMENT_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from "~/server/http/content-security-policy.mjs";
import { nextWithPagePolicy } from "~/server/http/page-content-security-policy";

/** directive name → its sources, as a browser splits the header. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

// pk_test_ + base64("clerk.foodar.example.com$")
const PUBLISHABLE_KEY = `pk_test_${btoa("clerk.foodar.example.com$")}`;

describe("the page policy (per-request nonce)", () => {
  it("runs only scripts carrying the nonce and what they load, and what model-viewer needs, nothing framed or embedded", () => {
    const policy = parse(pageContentSecurityPolicy("abc123==", { development: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(policy.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(policy.get("img-src")).toEqual(["'self'", "blob:", "data:", "https://res.cloudinary.com"]);
    expect(policy.get("media-src")).toEqual(["'self'", "blob:", "data:", "https://res.cloudinary.com"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "blob:", "data:"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
  });

  it("allows eval only in development, where React needs it", () => {
    expect(parse(pageContentSecurityPolicy("n", { development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets models come from the Supabase project's origin", () => {
    const policy = parse(pageContentSecurityPolicy("n", { development: false, supabaseUrl: "https://abcd.supabase.co/" }));
    expect(policy.get("connect-src")).toContain("https://abcd.supabase.co");
  });

  it("with Clerk: its Frontend API, avatars, bot and abuse protection", () => {
    const policy = parse(pageContentSecurityPolicy("n", { development: false, clerkPublishableKey: PUBLISHABLE_KEY }));
    expect(policy.get("script-src")).toEqual(expect.arrayContaining(["https://clerk.foodar.example.com", "https://challenges.cloudflare.com"]));
    expect(policy.get("connect-src")).toEqual(expect.arrayContaining(["https://clerk.foodar.example.com", "https://*.protect.clerk.com:*"]));
    expect(policy.get("img-src")).toContain("https://img.clerk.com");
    expect(policy.get("frame-src")).toEqual(["https://challenges.cloudflare.com", "https://*.protect.clerk.com"]);
  });
});

describe("the Clerk Frontend API origin", () => {
  it("is the host a publishable key encodes, for test and live keys", () => {
    expect(clerkFrontendApiOrigin(PUBLISHABLE_KEY)).toBe("https://clerk.foodar.example.com");
    expect(clerkFrontendApiOrigin(`pk_live_${btoa("clerk.foodar.app$")}`)).toBe("https://clerk.foodar.app");
  });

  it("is nothing without a key, or when the key does not encode a host name", () => {
    expect(clerkFrontendApiOrigin(undefined)).toBeUndefined();
    expect(clerkFrontendApiOrigin(`pk_test_${btoa("evil.com; script-src *$")}`)).toBeUndefined();
  });
});

describe("the cached menu's policy", () => {
  it("has no nonce and no eval, but everything model-viewer and the menu's media need", () => {
    const policy = parse(menuContentSecurityPolicy({ development: false, supabaseUrl: "https://abcd.supabase.co" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]);
    expect(policy.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "blob:", "data:", "https://abcd.supabase.co"]);
    expect(policy.get("img-src")).toContain("https://res.cloudinary.com");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("everything else", () => {
  it("may load and run nothing, nor be framed", () => {
    expect(NO_DOCUMENT_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("the proxy's page response", () => {
  it("sends the same policy to Next (request) and the browser (response), with a new nonce each time", () => {
    const nonces = [1, 2].map(() => {
      const response = nextWithPagePolicy(new NextRequest("http://localhost/dashboard"));
      const sent = response.headers.get("content-security-policy") ?? "";
      // NextResponse.next({ request }) hands the request's new headers to Next under this prefix.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(sent);
      return /'nonce-([^']+)'/.exec(sent)?.[1];
    });
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[1]).not.toBe(nonces[0]);
  });
});
