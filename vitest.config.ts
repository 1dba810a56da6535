import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": path.resolve(import.meta.dirname, "src"),
      // Next enforces this marker at build time; under Vitest the modules are used from tests directly.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: {
      NODE_ENV: "test",
      AUTH_SECRET: "test-secret-that-is-at-least-32-characters-long",
      FILE_URL_SECRET: "test-file-url-secret-at-least-32-characters",
      // Every file gets its own database; this placeholder only satisfies env validation on import.
      DATABASE_URL: "postgresql://placeholder@127.0.0.1:1/placeholder",
      NEXT_TELEMETRY_DISABLED: "1",
      CLERK_TELEMETRY_DISABLED: "1",
      NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: "1",
      // The suites make many requests from one address and user; the rate limit tests switch them on themselves.
      RATE_LIMITS: "off",
    },
  },
});
