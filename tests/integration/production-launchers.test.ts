import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npm start` (scripts/start.ts) and `npm run worker` (scripts/worker.ts), run as a host would: no NODE_ENV, only the
// variables given. Each case must end the launcher before it starts or touches any database.

const dataDir = mkdtempSync(path.join(tmpdir(), "foodar-launchers-"));
const SECRET = "a-secret-that-is-at-least-32-characters-long";
// Nothing listens there: a launcher that tried to migrate would fail with a connection error instead.
const UNREACHABLE_DATABASE = "postgresql://foodar@127.0.0.1:1/foodar";

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function launch(script: "start" | "worker", env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // DATABASE_URL set, even empty, keeps a developer's .env from filling it in. No NODE_ENV, which Next's types
    // make required: leaving it out is the point.
    const childEnv: Record<string, string> = { PATH: process.env.PATH ?? "", FOODAR_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1", ...env };
    const child = spawn(path.join("node_modules", ".bin", "tsx"), [`scripts/${script}.ts`], { env: childEnv as NodeJS.ProcessEnv });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`scripts/${script}.ts did not refuse to start; it printed:\n${output}`));
    }, 15_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.each(["start", "worker"] as const)("scripts/%s.ts in production", (script) => {
  it("refuses to run on the embedded PostgreSQL without DATABASE_URL unless DATABASE_MODE=embedded", async () => {
    const { code, output } = await launch(script, {});
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL is not set: in production this would run on an embedded PostgreSQL");
    expect(output).toContain("set DATABASE_MODE=embedded");
    expect(output).not.toContain("embedded PostgreSQL on 127.0.0.1");
  });

  it("runs the server's production checks before it migrates anything, naming each variable", async () => {
    const { code, output } = await launch(script, { DATABASE_URL: UNREACHABLE_DATABASE, AUTH_SECRET: SECRET, FILE_URL_SECRET: SECRET });
    expect(code).toBe(1);
    expect(output).toContain("AUTH_MODE: the local sign-in driver is for development and refuses to run in production");
    expect(output).toContain("BILLING_MODE: the billing sandbox lets owners subscribe without paying");
    expect(output).toContain("EMAIL_MODE: the local mailbox keeps every email on the server's disk");
    expect(output).not.toMatch(/ECONNREFUSED|applied migration/);
  });
});
