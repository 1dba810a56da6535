import { expect, test } from "@playwright/test";

const SEEDED_LIVE = "karachi-grill";

test("every response carries the security headers; only the menu may start an AR session", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/api/health", `/m/${SEEDED_LIVE}`, "/no-such-page"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"], path).toBe("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    const xr = path.startsWith("/m/") ? "xr-spatial-tracking=(self)" : "xr-spatial-tracking=()";
    expect(headers["permissions-policy"], path).toContain(xr);
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }
});
