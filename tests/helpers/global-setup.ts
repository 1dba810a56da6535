import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { migrate } from "../../src/server/db/migrate";
import { prepareJobQueues } from "../../src/server/jobs/job-queues";
import { prepareRateLimitTable } from "../../src/server/rate-limit/rate-limit-table";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

// One PostgreSQL for the run (embedded unless DATABASE_URL names one) and one migrated template database;
// each test file copies the template, which takes milliseconds, instead of migrating its own.
export default async function setup(project: TestProject) {
  let embedded: RunningPostgres | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "foodar-test-pg-"));
    // mkdtemp makes a private folder; PostgreSQL may run as another user (see embedded-postgres.ts).
    await chmod(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await freePort() });
    adminUrl = embedded.connectionString;
  }
  const templateDatabase = `foodar_template_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await client.query(`CREATE DATABASE ${templateDatabase}`);
  await client.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  await migrate(templateUrl.toString());
  await prepareJobQueues(templateUrl.toString());
  await prepareRateLimitTable(templateUrl.toString());

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    if (embedded) {
      await embedded.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      return;
    }
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
      [`foodar_test_${process.pid}_%`, templateDatabase],
    );
    for (const row of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await cleanup.end();
  };
}
