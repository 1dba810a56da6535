import { afterEach, describe, expect, it, vi } from "vitest";

// src/env.js validates on import, so each case imports a fresh copy under its own environment.
async function importEnv(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("~/env.js");
}

const LEMON_SQUEEZY = { LEMONSQUEEZY_API_KEY: "ls-api-key", LEMONSQUEEZY_WEBHOOK_SECRET: "a-lemon-squeezy-signing-secret" };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the billing driver's environment", () => {
  it("uses the sandbox without an API key, with the default prices in paisa", async () => {
    const { billingDriver, billingPrices } = await importEnv({
      LEMONSQUEEZY_API_KEY: undefined,
      BILLING_MONTHLY_FEE_PKR: undefined,
      BILLING_PRODUCT_FEE_PKR: undefined,
    });
    expect(billingDriver()).toBe("sandbox");
    expect(billingPrices()).toEqual({ currency: "PKR", monthlyFeeMinor: 250_000, productFeeMinor: 5_000 });
  });

  it("uses Lemon Squeezy with a key, a store and a variant; prices come from the environment", async () => {
    const { billingDriver, billingPrices, env } = await importEnv({
      ...LEMON_SQUEEZY,
      LEMONSQUEEZY_STORE_ID: "41234",
      LEMONSQUEEZY_VARIANT_ID: "723456",
      BILLING_MONTHLY_FEE_PKR: "3000",
      BILLING_PRODUCT_FEE_PKR: "75",
    });
    expect(billingDriver()).toBe("lemon-squeezy");
    expect(env.LEMONSQUEEZY_VARIANT_ID).toBe("723456");
    expect(billingPrices()).toEqual({ currency: "PKR", monthlyFeeMinor: 300_000, productFeeMinor: 7_500 });
  });

  it("refuses an API key without the store and the variant, naming both", async () => {
    const attempt = importEnv({ ...LEMON_SQUEEZY, LEMONSQUEEZY_STORE_ID: undefined, LEMONSQUEEZY_VARIANT_ID: undefined });
    await expect(attempt).rejects.toThrow(/LEMONSQUEEZY_STORE_ID: is required with LEMONSQUEEZY_API_KEY/);
    await expect(attempt).rejects.toThrow(/LEMONSQUEEZY_VARIANT_ID: is required with LEMONSQUEEZY_API_KEY/);
  });

  it("refuses to run the sandbox in production unless BILLING_MODE=sandbox says so", async () => {
    const production = { NODE_ENV: "production", AUTH_MODE: "local", LEMONSQUEEZY_WEBHOOK_SECRET: "a-signing-secret", LEMONSQUEEZY_API_KEY: undefined, EMAIL_MODE: "local" };
    await expect(importEnv({ ...production, BILLING_MODE: undefined })).rejects.toThrow(
      /BILLING_MODE: the billing sandbox lets owners subscribe without paying and refuses to run in production/,
    );
    const { billingDriver } = await importEnv({ ...production, BILLING_MODE: "sandbox" });
    expect(billingDriver()).toBe("sandbox");
  });

  it("refuses BILLING_MODE=lemon-squeezy without an API key, and a mode it does not know", async () => {
    await expect(importEnv({ BILLING_MODE: "lemon-squeezy", LEMONSQUEEZY_API_KEY: undefined })).rejects.toThrow(
      /LEMONSQUEEZY_API_KEY: is required with BILLING_MODE=lemon-squeezy/,
    );
    await expect(importEnv({ BILLING_MODE: "stripe" })).rejects.toThrow(/BILLING_MODE/);
  });

  it("refuses ids that are not numbers and prices that are not whole rupees", async () => {
    await expect(importEnv({ LEMONSQUEEZY_STORE_ID: "my-store" })).rejects.toThrow(/LEMONSQUEEZY_STORE_ID: must be the store's numeric id/);
    await expect(importEnv({ LEMONSQUEEZY_VARIANT_ID: "12a" })).rejects.toThrow(/LEMONSQUEEZY_VARIANT_ID: must be the subscription variant's numeric id/);
    await expect(importEnv({ BILLING_MONTHLY_FEE_PKR: "2500.50" })).rejects.toThrow(/BILLING_MONTHLY_FEE_PKR: must be a whole number of rupees/);
    await expect(importEnv({ BILLING_PRODUCT_FEE_PKR: "-5" })).rejects.toThrow(/BILLING_PRODUCT_FEE_PKR: must be 0 or more/);
  });
});
