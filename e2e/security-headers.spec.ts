import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { menuContentSecurityPolicy, NO_DOCUMENT_CONTENT_SECURITY_POLICY } from "../src/server/http/content-security-policy.mjs";
import { watchPolicyViolations } from "./support/policy-violations";

const SEEDED_LIVE = "karachi-grill";
// The e2e server is built without SUPABASE_URL, as a production build.
const MENU_POLICY = menuContentSecurityPolicy({ development: false });

/** The nonce of a page's policy, which must be the same on every script element of the page. */
async function pageNonce(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  const policy = response.headers()["content-security-policy"] ?? "";
  const scriptSources = policy.split("; ").find((directive) => directive.startsWith("script-src "));
  const nonce = /^script-src 'self' 'nonce-([A-Za-z0-9+/]+=*)' 'strict-dynamic' 'wasm-unsafe-eval'$/.exec(scriptSources ?? "")?.[1];
  expect(nonce, `${path}: ${policy}`).toBeDefined();
  const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  return nonce ?? "";
}

test("every response carries the security headers; only the menu may start an AR session", async ({ request }) => {
  const policies: Record<string, RegExp | string> = {
    "/": /'nonce-/,
    "/sign-in": /'nonce-/,
    "/no-such-page": /'nonce-/,
    [`/m/${SEEDED_LIVE}`]: MENU_POLICY,
    "/m/no-such-menu": MENU_POLICY,
    "/api/health": NO_DOCUMENT_CONTENT_SECURITY_POLICY,
    "/api/trpc/restaurant.list": NO_DOCUMENT_CONTENT_SECURITY_POLICY,
    "/decoders/meshopt-1.3.0/meshopt_decoder.js": NO_DOCUMENT_CONTENT_SECURITY_POLICY,
  };
  for (const [path, policy] of Object.entries(policies)) {
    const response = await request.get(path);
    if (path.includes("no-such")) expect(response.status(), path).toBe(404);
    const headers = response.headers();
    expect(headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    if (typeof policy === "string") expect(headers["content-security-policy"], path).toBe(policy);
    else expect(headers["content-security-policy"], path).toMatch(policy);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    const xr = path.startsWith("/m/") ? "xr-spatial-tracking=(self)" : "xr-spatial-tracking=()";
    expect(headers["permissions-policy"], path).toContain(xr);
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }
});

test("a dynamic page's nonce is new on every request and on each of its scripts, the not-found page's too", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/no-such-page"]) {
    const first = await pageNonce(request, path);
    const second = await pageNonce(request, path);
    expect(second, path).not.toBe(first);
  }
});

test("the menu keeps its cached rendering: one static policy, no nonce; its OpenGraph image is an image", async ({ request, page }) => {
  const path = `/m/${SEEDED_LIVE}`;
  await request.get(path);
  const cached = await request.get(path);
  expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(cached.headers()["content-security-policy"]).toBe(MENU_POLICY);
  expect(await cached.text()).not.toContain("nonce=");

  await page.goto(path);
  const image = (await page.locator('meta[property="og:image"]').getAttribute("content")) ?? "";
  expect(image).toContain("opengraph-image");
  const imageUrl = new URL(image, page.url());
  const response = await request.get(imageUrl.pathname + imageUrl.search);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["content-security-policy"]).toBe(NO_DOCUMENT_CONTENT_SECURITY_POLICY);
});

/** Serves the page with `tag` slipped into its HTML, as an injection flaw would, keeping the page's own headers. */
async function injectIntoHtml(page: Page, path: string, tag: string) {
  await page.route(`**${path}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${tag}</body>`) });
  });
}

test("the policies are enforced: what the page did not vouch for is refused, and the watcher sees it", async ({ page }) => {
  const violations = await watchPolicyViolations(page.context());
  // No nonce: refused, while the page's own scripts run (Next's client sets window.next as it starts).
  await injectIntoHtml(page, "/sign-in", `<script>document.documentElement.dataset.injected = "ran"</script>`);
  await page.goto("/sign-in");
  await expect.poll(() => violations.join("\n")).toContain("script-src");
  await expect.poll(() => page.evaluate(() => "next" in window)).toBe(true);
  await expect(page.locator("html")).not.toHaveAttribute("data-injected", "ran");

  // The cached menu has to allow inline scripts (Next streams its data in them), but no other origin's.
  violations.length = 0;
  await injectIntoHtml(page, `/m/${SEEDED_LIVE}`, `<script src="https://scripts.example.com/tracker.js"></script>`);
  await page.goto(`/m/${SEEDED_LIVE}`);
  await expect(page.getByRole("heading", { level: 1, name: "Karachi Grill" })).toBeVisible();
  await expect.poll(() => violations.join("\n")).toContain("https://scripts.example.com/tracker.js");
});
