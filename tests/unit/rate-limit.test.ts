import { describe, expect, it } from "vitest";
import { checkRateLimit, rateLimitMessage } from "~/server/rate-limit/check-rate-limit";
import { clientIpFrom } from "~/server/rate-limit/client-ip";
import { createLimiter } from "~/server/rate-limit/limiter-store";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIpFrom", () => {
  it("takes the first x-forwarded-for entry, the client as the proxy saw it", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.2" }))).toBe("203.0.113.7");
    expect(clientIpFrom(headers({ "x-forwarded-for": " 2001:DB8::1 " }))).toBe("2001:db8::1");
  });

  it("falls back to x-real-ip, then to one shared key for a missing or made-up address", () => {
    expect(clientIpFrom(headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientIpFrom(headers({}))).toBe("unknown");
    expect(clientIpFrom(headers({ "x-forwarded-for": "x".repeat(500) }))).toBe("unknown");
    expect(clientIpFrom(headers({ "x-forwarded-for": "evil, 203.0.113.7" }))).toBe("unknown");
  });
});

describe("checkRateLimit (memory store)", () => {
  const limit = { points: 2, durationSeconds: 30, what: "changes" };

  it("allows N requests per key, refuses the next with the wait, and counts keys apart", async () => {
    const limiter = createLimiter({ kind: "memory" }, "unit", limit);
    expect(await checkRateLimit(limiter, limit, "user:a")).toEqual({ allowed: true });
    expect(await checkRateLimit(limiter, limit, "user:a")).toEqual({ allowed: true });
    const refused = await checkRateLimit(limiter, limit, "user:a");
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(refused.message).toBe(`Too many changes in a short time. Please wait ${refused.retryAfterSeconds} seconds and try again.`);
    expect(await checkRateLimit(limiter, limit, "user:b")).toEqual({ allowed: true });
  });

  it("says minutes for long waits", () => {
    expect(rateLimitMessage({ points: 1, durationSeconds: 600, what: "uploads" }, 540)).toBe("Too many uploads in a short time. Please wait 9 minutes and try again.");
  });
});
