import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

// Uses the production build that the web server of this run was started from.
function startProduction(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/next", ["start", "--port", "3390"], {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not refuse to start; it printed:\n${output}`));
    }, 20_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const SECRET = "a-secret-that-is-at-least-32-characters-long";

test("in production the local sign-in driver refuses to start unless AUTH_MODE=local is set", async () => {
  const { code, output } = await startProduction({ DATABASE_URL: "postgresql://foodar@127.0.0.1:5999/foodar", AUTH_SECRET: SECRET });
  expect(code).toBe(1);
  expect(output).toContain("AUTH_MODE: the local sign-in driver is for development and refuses to run in production");
});

test("a server with a missing variable stops at start with a message that names it", async () => {
  const { code, output } = await startProduction({ AUTH_MODE: "local", AUTH_SECRET: SECRET });
  expect(code).toBe(1);
  expect(output).toMatch(/DATABASE_URL: /);
});

test("in production the billing sandbox refuses to start unless BILLING_MODE=sandbox is set", async () => {
  const { code, output } = await startProduction({
    DATABASE_URL: "postgresql://foodar@127.0.0.1:5999/foodar",
    AUTH_MODE: "local",
    AUTH_SECRET: SECRET,
    FILE_URL_SECRET: SECRET,
    LEMONSQUEEZY_WEBHOOK_SECRET: "a-lemon-squeezy-signing-secret",
  });
  expect(code).toBe(1);
  expect(output).toContain("BILLING_MODE: the billing sandbox lets owners subscribe without paying and refuses to run in production");
});

test("in production the local mailbox refuses to start unless EMAIL_MODE=local is set", async () => {
  const { code, output } = await startProduction({
    DATABASE_URL: "postgresql://foodar@127.0.0.1:5999/foodar",
    AUTH_MODE: "local",
    AUTH_SECRET: SECRET,
    FILE_URL_SECRET: SECRET,
    LEMONSQUEEZY_WEBHOOK_SECRET: "a-lemon-squeezy-signing-secret",
    BILLING_MODE: "sandbox",
  });
  expect(code).toBe(1);
  expect(output).toContain("EMAIL_MODE: the local mailbox keeps every email on the server's disk, delivers none, and refuses to run in production");
});
