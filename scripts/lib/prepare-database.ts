import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { migrate } from "../../src/server/db/migrate";
import { prepareJobQueues } from "../../src/server/jobs/job-queues";
import { prepareRateLimitTable } from "../../src/server/rate-limit/rate-limit-table";
import { embeddedConnectionString, ensureDatabase, isPortFree, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

export const DATA_DIR = path.resolve(process.env.FOODAR_DATA_DIR ?? ".data");
const DEFAULT_EMBEDDED_PORT = 54329;

export function loadProjectEnv(dev: boolean) {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}

function log(message: string) {
  console.log(`[foodar] ${message}`);
}

// Dev convenience: secrets that survive restarts without anyone having to make them. Each is generated only
// when the local driver that needs it is the one in use.
export function ensureLocalSecrets() {
  const clerk = Boolean(process.env.CLERK_SECRET_KEY && process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY);
  if (!clerk) ensureGeneratedSecret("AUTH_SECRET", "auth-secret");
  if (!process.env.SUPABASE_URL) ensureGeneratedSecret("FILE_URL_SECRET", "file-url-secret");
}

function ensureGeneratedSecret(name: string, fileName: string) {
  if (process.env[name]) return;
  const file = path.join(DATA_DIR, fileName);
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  process.env[name] = readFileSync(file, "utf8").trim();
}

// PostgreSQL writes its port on the fourth line of postmaster.pid while it runs.
async function runningEmbeddedUrl(dataDir: string, port: number): Promise<string | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile) || (await isPortFree(port))) return null;
  const pidPort = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  return pidPort === port ? embeddedConnectionString(port) : null;
}

/**
 * Uses DATABASE_URL when it is set; otherwise starts the embedded PostgreSQL with its data in .data/.
 * Either way the migrations are applied before the app starts.
 */
export async function prepareDatabase(options: { seed: boolean }): Promise<{ embedded: RunningPostgres | null }> {
  let embedded: RunningPostgres | null = null;
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
    const dataDir = path.join(DATA_DIR, "postgres");
    const started = Date.now();
    const running = await runningEmbeddedUrl(dataDir, port);
    if (running) {
      // e.g. `npm run make-admin` while `npm run dev` is up: share its server, and leave it running.
      process.env.DATABASE_URL = await ensureDatabase(running, "foodar");
      log(`using the embedded PostgreSQL already running on 127.0.0.1:${port}`);
    } else {
      embedded = await startEmbeddedPostgres({ dataDir, port });
      process.env.DATABASE_URL = await ensureDatabase(embedded.connectionString, "foodar");
      log(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(process.cwd(), dataDir)}, ${Date.now() - started} ms)`);
    }
  } else {
    log("using the database in DATABASE_URL");
  }
  try {
    const { applied } = await migrate(process.env.DATABASE_URL, { log });
    if (applied.length === 0) log("migrations up to date");
    await prepareJobQueues(process.env.DATABASE_URL);
    await prepareRateLimitTable(process.env.DATABASE_URL);
    if (options.seed) {
      const [{ createDb }, { seedDemoData }] = await Promise.all([import("../../src/server/db-client"), import("../../prisma/seed")]);
      const db = createDb(process.env.DATABASE_URL);
      try {
        log((await seedDemoData(db)) ? "demo data seeded" : "demo data already present");
      } finally {
        await db.$disconnect();
      }
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { embedded };
}
