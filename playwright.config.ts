import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// Playwright cannot download its own browser on offline machines; Debian's chromium works the same.
function chromiumExecutable(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) return process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (existsSync(chromium.executablePath())) return undefined;
  return ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
}

const port = Number(process.env.E2E_PORT ?? 3300);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable() },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The production path (`next build`, then `npm start`) on a fresh embedded PostgreSQL with the demo data.
  webServer: {
    command: "rm -rf .data/e2e && next build && tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      FOODAR_DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      AUTH_MODE: "local",
      AUTH_SECRET: "e2e-secret-that-is-at-least-32-characters-long",
      // The local model storage driver serves files only behind URLs signed with this.
      FILE_URL_SECRET: "e2e-file-url-secret-at-least-32-characters",
      // Production refuses to verify billing webhooks with the sandbox's public default.
      LEMONSQUEEZY_WEBHOOK_SECRET: "e2e-lemon-squeezy-webhook-secret",
      BILLING_MODE: "sandbox",
      // The specs read the emails the app sends in the local mailbox (/dev/mailbox), which production refuses without this.
      EMAIL_MODE: "local",
      ADMIN_EMAILS: "",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every spec signs in and edits from this one address; the limits themselves are tested under Vitest.
      RATE_LIMITS: "off",
      DATABASE_URL: "",
      // Without DATABASE_URL, `npm start` refuses the embedded PostgreSQL unless told so.
      DATABASE_MODE: "embedded",
    },
  },
});
