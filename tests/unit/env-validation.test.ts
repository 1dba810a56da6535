import { afterEach, describe, expect, it, vi } from "vitest";

// src/env.js validates on import, so each case imports a fresh copy under its own environment.
async function importEnv(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("~/env.js");
}

const PUBLISHABLE_KEY = `pk_test_${Buffer.from("foodar-test.clerk.accounts.dev$").toString("base64")}`;
// Production requires a real webhook signing secret and explicit billing and email modes; the cases about other
// variables that must pass set them.
const WEBHOOK_SECRET = "a-lemon-squeezy-signing-secret";
const JWT_KEY = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("environment validation", () => {
  it("refuses Clerk keys without CLERK_JWT_KEY, naming the variable", async () => {
    await expect(
      importEnv({ CLERK_SECRET_KEY: "sk_test_x", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: PUBLISHABLE_KEY, CLERK_JWT_KEY: undefined }),
    ).rejects.toThrow(/CLERK_JWT_KEY: is required when signing in with Clerk/);
  });

  it("selects Clerk when both keys and the JWT key are set", async () => {
    const { authMode } = await importEnv({
      CLERK_SECRET_KEY: "sk_test_x",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      CLERK_JWT_KEY: JWT_KEY,
    });
    expect(authMode()).toBe("clerk");
  });

  it("refuses the local driver in production unless AUTH_MODE=local, naming AUTH_MODE", async () => {
    await expect(importEnv({ NODE_ENV: "production", AUTH_MODE: undefined, LEMONSQUEEZY_WEBHOOK_SECRET: WEBHOOK_SECRET, BILLING_MODE: "sandbox" })).rejects.toThrow(/AUTH_MODE: the local sign-in driver/);
  });

  it("runs the local driver in production when AUTH_MODE=local is explicit", async () => {
    const { authMode } = await importEnv({ NODE_ENV: "production", AUTH_MODE: "local", LEMONSQUEEZY_WEBHOOK_SECRET: WEBHOOK_SECRET, BILLING_MODE: "sandbox", EMAIL_MODE: "local" });
    expect(authMode()).toBe("local");
  });

  it("rejects a webhook signing secret that is not a whsec_ secret, naming the variable", async () => {
    await expect(importEnv({ CLERK_WEBHOOK_SIGNING_SECRET: "not-a-secret" })).rejects.toThrow(
      /CLERK_WEBHOOK_SIGNING_SECRET: must start with whsec_/,
    );
  });

  it("refuses the local model storage in production without FILE_URL_SECRET, naming the variable", async () => {
    await expect(importEnv({ NODE_ENV: "production", AUTH_MODE: "local", FILE_URL_SECRET: undefined, LEMONSQUEEZY_WEBHOOK_SECRET: WEBHOOK_SECRET, BILLING_MODE: "sandbox" })).rejects.toThrow(
      /FILE_URL_SECRET: is required to sign local 3D model URLs/,
    );
  });

  it("rejects a FILE_URL_SECRET shorter than 32 characters", async () => {
    await expect(importEnv({ FILE_URL_SECRET: "short" })).rejects.toThrow(/FILE_URL_SECRET: must be at least 32 characters/);
  });

  it("selects Supabase Storage when both Supabase variables are set, with no FILE_URL_SECRET needed", async () => {
    const { env, modelStorageDriver } = await importEnv({
      NODE_ENV: "production",
      AUTH_MODE: "local",
      FILE_URL_SECRET: undefined,
      LEMONSQUEEZY_WEBHOOK_SECRET: WEBHOOK_SECRET, BILLING_MODE: "sandbox", EMAIL_MODE: "local",
      SUPABASE_URL: "https://foodar.supabase.co",
      SUPABASE_SERVICE_ROLE_KEY: "service-role-key",
    });
    expect(modelStorageDriver()).toBe("supabase");
    expect(env.SUPABASE_MODELS_BUCKET).toBe("models");
  });

  it("refuses SUPABASE_URL without the service role key, naming the missing one", async () => {
    await expect(importEnv({ SUPABASE_URL: "https://foodar.supabase.co" })).rejects.toThrow(/SUPABASE_SERVICE_ROLE_KEY: is required/);
  });

  it("keeps models on local disk by default", async () => {
    const { modelStorageDriver } = await importEnv({});
    expect(modelStorageDriver()).toBe("local");
  });

  it("runs the jobs in the app process unless JOBS_IN_PROCESS=false, and names a bad value", async () => {
    expect((await importEnv({ JOBS_IN_PROCESS: undefined })).env.JOBS_IN_PROCESS).toBe(true);
    expect((await importEnv({ JOBS_IN_PROCESS: "false" })).env.JOBS_IN_PROCESS).toBe(false);
    await expect(importEnv({ JOBS_IN_PROCESS: "no" })).rejects.toThrow(/JOBS_IN_PROCESS: must be true or false/);
  });

  it("verifies billing webhooks with the sandbox's default secret in development, and the configured one when set", async () => {
    const sandbox = await importEnv({ LEMONSQUEEZY_WEBHOOK_SECRET: undefined, LEMONSQUEEZY_API_KEY: undefined });
    expect(sandbox.lemonSqueezyWebhookSecret()).toBe(sandbox.SANDBOX_WEBHOOK_SECRET);
    expect((await importEnv({ LEMONSQUEEZY_WEBHOOK_SECRET: WEBHOOK_SECRET, BILLING_MODE: "sandbox" })).lemonSqueezyWebhookSecret()).toBe(WEBHOOK_SECRET);
  });

  it("refuses Lemon Squeezy's API key without its webhook secret, and production without one, naming the variable", async () => {
    await expect(importEnv({ LEMONSQUEEZY_API_KEY: "ls-api-key", LEMONSQUEEZY_WEBHOOK_SECRET: undefined })).rejects.toThrow(
      /LEMONSQUEEZY_WEBHOOK_SECRET: is required with LEMONSQUEEZY_API_KEY/,
    );
    await expect(importEnv({ NODE_ENV: "production", AUTH_MODE: "local", LEMONSQUEEZY_API_KEY: undefined, LEMONSQUEEZY_WEBHOOK_SECRET: undefined })).rejects.toThrow(
      /LEMONSQUEEZY_WEBHOOK_SECRET: is required in production/,
    );
  });

  it("gives a failed payment 7 grace days unless BILLING_GRACE_DAYS says otherwise, and names a bad value", async () => {
    expect((await importEnv({ BILLING_GRACE_DAYS: undefined })).env.BILLING_GRACE_DAYS).toBe(7);
    expect((await importEnv({ BILLING_GRACE_DAYS: "3" })).env.BILLING_GRACE_DAYS).toBe(3);
    await expect(importEnv({ BILLING_GRACE_DAYS: "1.5" })).rejects.toThrow(/BILLING_GRACE_DAYS: must be a whole number of days/);
    await expect(importEnv({ BILLING_GRACE_DAYS: "-1" })).rejects.toThrow(/BILLING_GRACE_DAYS: must be 0 or more/);
  });
});
