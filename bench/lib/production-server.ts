import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// What a benchmark needs to measure the app the way production runs it: `next build`, then `npm start`
// (scripts/start.ts: migrations, then `next start`) on the benchmark's own ports, embedded PostgreSQL and data
// directory, so a dev server or an e2e run on the same machine is neither used nor disturbed.

export const ROOT = path.join(import.meta.dirname, "..", "..");

export type BenchServerConfig = {
  /** Port of `next start`; the origin is http://localhost:<port> (Clerk's middleware hangs on 127.0.0.1). */
  port: number;
  /** Port of the benchmark's own embedded PostgreSQL. */
  pgPort: number;
  /** Relative to the repository: the embedded database, the local drivers' files and the logs. */
  dataDir: string;
  /** Anything the benchmark sets on top of the production environment below. */
  env?: Record<string, string>;
};

export const originOf = (config: BenchServerConfig) => `http://localhost:${config.port}`;

/** The database the server's launcher creates in the embedded PostgreSQL. */
export const databaseUrlOf = (config: BenchServerConfig) => `postgresql://postgres:postgres@127.0.0.1:${config.pgPort}/foodar`;

export function loadAverage(): number {
  return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

/**
 * Waits, up to `maxMs`, for the 1-minute load average to drop to `quiet` (on 2 cores, above 1 means another build
 * or test run would take CPU from the measurement), checking every 30 s. Returns the load it ended with.
 */
export async function waitForQuiet(options: { quiet: number; maxMs: number; label: string }): Promise<{ load: number; waitedS: number }> {
  const started = Date.now();
  let load = loadAverage();
  while (load > options.quiet && Date.now() - started < options.maxMs) {
    console.log(`${options.label}: 1-minute load ${load.toFixed(2)} > ${options.quiet}, waiting for the machine to quieten`);
    await sleep(30_000);
    load = loadAverage();
  }
  return { load, waitedS: Math.round((Date.now() - started) / 1000) };
}

export function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no log)";
}

/** The environment of the e2e server (playwright.config.ts), on the benchmark's own ports and data directory. */
export function serverEnv(config: BenchServerConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    NODE_ENV: "production",
    PORT: String(config.port),
    FOODAR_DATA_DIR: config.dataDir,
    EMBEDDED_PG_PORT: String(config.pgPort),
    DATABASE_URL: "",
    AUTH_MODE: "local",
    AUTH_SECRET: "bench-secret-that-is-at-least-32-characters-long",
    FILE_URL_SECRET: "bench-file-url-secret-at-least-32-characters",
    LEMONSQUEEZY_WEBHOOK_SECRET: "bench-lemon-squeezy-webhook-secret",
    BILLING_MODE: "sandbox",
    // The production opt-ins for the local mailbox and, without DATABASE_URL, the embedded PostgreSQL.
    EMAIL_MODE: "local",
    DATABASE_MODE: "embedded",
    ADMIN_EMAILS: "",
    JOBS_IN_PROCESS: "true",
    SITE_URL: originOf(config),
    NEXT_TELEMETRY_DISABLED: "1",
    ...config.env,
  };
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = openSync(log, "a");
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", out, out] });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${code}):\n${tail(log)}`))));
  });
}

/** `next build` with the server's environment, logged into the data directory. */
export function buildApp(config: BenchServerConfig): Promise<void> {
  return run(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], serverEnv(config), path.join(ROOT, config.dataDir, "build.log"));
}

function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
    request.setTimeout(10_000, () => request.destroy());
  });
}

export type BenchServer = { process: ChildProcess; log: string };

/** `npm start`'s launcher in its own process group; resolves once /api/health answers 200 (3 minutes at most). */
export async function startServer(config: BenchServerConfig): Promise<BenchServer> {
  const log = path.join(ROOT, config.dataDir, "server.log");
  const out = openSync(log, "a");
  // Its own process group, so stopping it reaches tsx, Next and the launcher's PostgreSQL supervision at once.
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: serverEnv(config),
    detached: true,
    stdio: ["ignore", out, out],
  });
  const server = { process: child, log };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was healthy:\n${tail(log)}`);
    if ((await statusOf(`${originOf(config)}/api/health`)) === 200) return server;
    await sleep(500);
  }
  await stopServer(server);
  throw new Error(`The server was not healthy within 3 minutes:\n${tail(log)}`);
}

export async function stopServer(server: BenchServer): Promise<void> {
  const { pid } = server.process;
  if (pid === undefined || server.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  // SIGTERM lets the launcher stop PostgreSQL cleanly; a server that ignores it is killed after 20 s.
  process.kill(-pid, "SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
  if (!stopped) {
    console.warn("the server did not stop within 20 s; killing its process group");
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

export type CpuTimes = { next: number; postgres: number };

type ProcStat = { pid: number; comm: string; ppid: number; pgrp: number; cpuMs: number };

function readProcStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // Exited meanwhile.
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so the fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    stats.push({
      pid: Number(entry),
      comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      // utime + stime, in USER_HZ ticks (100 a second on Linux).
      cpuMs: (Number(fields[11]) + Number(fields[12])) * 10,
    });
  }
  return stats;
}

/**
 * CPU time (ms, user + system) used so far by the server's Next process (in the launcher's process group) and by
 * its embedded PostgreSQL (the postmaster named in its postmaster.pid, and its backends): the difference over a
 * phase says what the work cost, whatever else the machine was doing. Linux only (/proc); elsewhere 0. A backend
 * that exited within the phase is not counted.
 */
export function serverCpuMs(server: BenchServer, config: BenchServerConfig): CpuTimes {
  const times: CpuTimes = { next: 0, postgres: 0 };
  const pidFile = path.join(ROOT, config.dataDir, "postgres", "postmaster.pid");
  if (server.process.pid === undefined || !existsSync("/proc")) return times;
  const postmaster = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : -1;
  for (const stat of readProcStats()) {
    if (stat.pgrp === server.process.pid && stat.comm.startsWith("next-server")) times.next += stat.cpuMs;
    else if (stat.pid === postmaster || stat.ppid === postmaster) times.postgres += stat.cpuMs;
  }
  return times;
}

/** What was measured: the commit, and whether the app had uncommitted changes (work in progress). */
export function gitState(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const changed = execFileSync("git", ["status", "--porcelain", "--", "app", "src"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean).length;
    return `commit ${commit}${changed ? ` with ${changed} uncommitted paths under app/ and src/` : ""}`;
  } catch {
    return "unknown commit";
  }
}

/** Rewrites the part of a README between two markers with `results`. */
export function replaceBetweenMarkers(readme: string, start: string, end: string, results: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`The README has no ${start} … ${end} section to rewrite.`);
  return `${readme.slice(0, from + start.length)}\n${results}\n${readme.slice(to)}`;
}
