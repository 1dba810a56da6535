import { afterEach, describe, expect, it, vi } from "vitest";

// src/env.js validates on import, so each case imports a fresh copy under its own environment.
async function importEnv(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("~/env.js");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the email driver's environment", () => {
  it("uses the local mailbox when no Resend key is set", async () => {
    const { emailDriver } = await importEnv({ RESEND_API_KEY: undefined });
    expect(emailDriver()).toBe("local");
  });

  it("uses Resend with a key, a sender and the site's address", async () => {
    const { emailDriver, env } = await importEnv({
      RESEND_API_KEY: "re_123",
      EMAIL_FROM: "Foodar <hello@foodar.example.com>",
      SITE_URL: "https://foodar.example.com",
    });
    expect(emailDriver()).toBe("resend");
    expect(env.EMAIL_FROM).toBe("Foodar <hello@foodar.example.com>");
  });

  it("refuses a Resend key without EMAIL_FROM and SITE_URL, naming both", async () => {
    const attempt = importEnv({ RESEND_API_KEY: "re_123", EMAIL_FROM: undefined, SITE_URL: undefined });
    await expect(attempt).rejects.toThrow(/EMAIL_FROM: is required with RESEND_API_KEY/);
    await expect(attempt).rejects.toThrow(/SITE_URL: is required with RESEND_API_KEY/);
  });

  it("refuses a key that is not a Resend key and a sender that is not an address", async () => {
    await expect(importEnv({ RESEND_API_KEY: "sk_live_x" })).rejects.toThrow(/RESEND_API_KEY: must start with re_/);
    await expect(importEnv({ EMAIL_FROM: "Foodar" })).rejects.toThrow(/EMAIL_FROM: must be an address/);
    await expect(importEnv({ EMAIL_FROM: "Foodar <hello@x.com>\r\nBcc: all@x.com" })).rejects.toThrow(/EMAIL_FROM/);
  });
});
