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

  it("refuses to keep emails in the local mailbox in production unless EMAIL_MODE=local says so", async () => {
    const production = { NODE_ENV: "production", AUTH_MODE: "local", LEMONSQUEEZY_WEBHOOK_SECRET: "a-signing-secret", BILLING_MODE: "sandbox", RESEND_API_KEY: undefined };
    await expect(importEnv({ ...production, EMAIL_MODE: undefined })).rejects.toThrow(
      /EMAIL_MODE: the local mailbox keeps every email on the server's disk, delivers none, and refuses to run in production/,
    );
    const { emailDriver } = await importEnv({ ...production, EMAIL_MODE: "local" });
    expect(emailDriver()).toBe("local");
  });

  it("runs Resend in production with its key, and refuses EMAIL_MODE=resend without one or a mode it does not know", async () => {
    const resend = { RESEND_API_KEY: "re_123", EMAIL_FROM: "hello@foodar.example.com", SITE_URL: "https://foodar.example.com" };
    const { emailDriver } = await importEnv({ NODE_ENV: "production", AUTH_MODE: "local", LEMONSQUEEZY_WEBHOOK_SECRET: "a-signing-secret", BILLING_MODE: "sandbox", ...resend });
    expect(emailDriver()).toBe("resend");
    await expect(importEnv({ EMAIL_MODE: "resend", RESEND_API_KEY: undefined })).rejects.toThrow(/RESEND_API_KEY: is required with EMAIL_MODE=resend/);
    await expect(importEnv({ EMAIL_MODE: "smtp" })).rejects.toThrow(/EMAIL_MODE/);
  });

  it("keeps emails local with EMAIL_MODE=local even when a Resend key is set", async () => {
    const { emailDriver } = await importEnv({ EMAIL_MODE: "local", RESEND_API_KEY: "re_123", EMAIL_FROM: undefined, SITE_URL: undefined });
    expect(emailDriver()).toBe("local");
  });

  it("refuses a key that is not a Resend key and a sender that is not an address", async () => {
    await expect(importEnv({ RESEND_API_KEY: "sk_live_x" })).rejects.toThrow(/RESEND_API_KEY: must start with re_/);
    await expect(importEnv({ EMAIL_FROM: "Foodar" })).rejects.toThrow(/EMAIL_FROM: must be an address/);
    await expect(importEnv({ EMAIL_FROM: "Foodar <hello@x.com>\r\nBcc: all@x.com" })).rejects.toThrow(/EMAIL_FROM/);
  });
});
