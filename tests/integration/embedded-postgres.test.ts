import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

// The launcher behind `npm run dev`: a second start keeps the data, and stopping is clean even when
// Ctrl-C has already reached PostgreSQL.
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "foodar-embedded-"));
  await chmod(folder, 0o755);
  folders.push(folder);
  return path.join(folder, "postgres");
}

async function query<Row extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a second start, and shuts down cleanly", async () => {
    const dir = await dataDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir: dir, port });
    await query(first.connectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    expect(await readFile(`${dir}.log`, "utf8")).toContain("database system is shut down");

    const second = await startEmbeddedPostgres({ dataDir: dir, port });
    try {
      expect(await query<{ note: string }>(second.connectionString, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("stops without waiting when PostgreSQL has already exited", async () => {
    const dir = await dataDir();
    const running = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
    // What a terminal's Ctrl-C does when PostgreSQL shares the launcher's process group.
    const postmasterPid = Number((await readFile(path.join(dir, "postmaster.pid"), "utf8")).split("\n")[0]);
    process.kill(postmasterPid, "SIGINT");
    await running.stop();
    await expect(query(running.connectionString, "SELECT 1")).rejects.toThrow();
  });

  it("refuses a port that is taken, naming what to do", async () => {
    const running = await startEmbeddedPostgres({ dataDir: await dataDir(), port: await freePort() });
    try {
      await expect(startEmbeddedPostgres({ dataDir: await dataDir(), port: running.port })).rejects.toThrow(
        /Port \d+ is taken.*EMBEDDED_PG_PORT.*DATABASE_URL/,
      );
    } finally {
      await running.stop();
    }
  });
});
