import { createHash, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, MigrationError } from "~/server/db/migrate";
import { createEmptyDatabase } from "../helpers/test-database";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// Prisma's own DDL for its bookkeeping table on PostgreSQL (prisma-engines, postgres flavour), verbatim.
const PRISMA_MIGRATIONS_TABLE = `
CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function tablesOf(url: string): Promise<string[]> {
  const rows = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
  return rows.map((row) => row.table_name);
}

type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};
const migrationRows = (url: string) => query<MigrationRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

async function projectMigrations(): Promise<{ name: string; sql: string }[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") })));
}

const tempDirs: string[] = [];
afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

/** A migrations folder in Prisma's layout with the given migrations. */
async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "foodar-migrations-"));
  tempDirs.push(dir);
  await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error("expected the migration run to fail");
  return error;
}

describe("the migrate step", () => {
  it("applies every migration to an empty database, and a second run applies none", async () => {
    const url = await createEmptyDatabase();
    const expected = (await projectMigrations()).map((migration) => migration.name);
    expect(expected.length).toBeGreaterThan(0);

    expect(await migrate(url, { migrationsDir: MIGRATIONS_DIR })).toEqual({ applied: expected });
    expect(await tablesOf(url)).toEqual(expect.arrayContaining(["AuditLog", "Restaurant", "User", "_prisma_migrations"]));

    expect(await migrate(url, { migrationsDir: MIGRATIONS_DIR })).toEqual({ applied: [] });
    expect((await migrationRows(url)).map((row) => row.migration_name)).toEqual(expected);
  });

  it("records each migration the way prisma migrate deploy does, in a table shaped exactly like Prisma's", async () => {
    const ours = await createEmptyDatabase();
    await migrate(ours, { migrationsDir: MIGRATIONS_DIR });

    const rows = await migrationRows(ours);
    const migrations = await projectMigrations();
    expect(rows).toHaveLength(migrations.length);
    for (const [index, migration] of migrations.entries()) {
      const row = rows[index];
      expect(row).toMatchObject({
        migration_name: migration.name,
        checksum: createHash("sha256").update(migration.sql).digest("hex"),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row?.finished_at).toBeInstanceOf(Date);
      expect(row?.finished_at?.getTime()).toBeGreaterThanOrEqual(row?.started_at.getTime() ?? Infinity);
    }

    // The same table created by Prisma's own DDL, described column by column.
    const prismas = await createEmptyDatabase();
    await query(prismas, PRISMA_MIGRATIONS_TABLE);
    const columnsOf = (url: string) =>
      query(
        url,
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default, ordinal_position
           FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      );
    const primaryKey = (url: string) =>
      query(
        url,
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = '"_prisma_migrations"'::regclass AND i.indisprimary`,
      );
    expect(await columnsOf(ours)).toEqual(await columnsOf(prismas));
    expect(await primaryKey(ours)).toEqual([{ attname: "id" }]);
    expect(await primaryKey(prismas)).toEqual([{ attname: "id" }]);
  });

  it("treats migrations recorded by prisma migrate deploy as applied", async () => {
    const url = await createEmptyDatabase();
    // What `prisma migrate deploy` leaves behind: its table, the schema, and one finished row per migration.
    await query(url, PRISMA_MIGRATIONS_TABLE);
    for (const migration of await projectMigrations()) {
      await query(url, migration.sql);
      await query(
        url,
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), createHash("sha256").update(migration.sql).digest("hex"), migration.name],
      );
    }
    const log: string[] = [];
    expect(await migrate(url, { migrationsDir: MIGRATIONS_DIR, log: (line) => log.push(line) })).toEqual({ applied: [] });
    expect(log).toEqual([]);
  });

  it("two instances starting at once: both succeed and each migration is applied exactly once", async () => {
    const url = await createEmptyDatabase();
    const expected = (await projectMigrations()).map((migration) => migration.name);
    const runs = await Promise.all([
      migrate(url, { migrationsDir: MIGRATIONS_DIR }),
      migrate(url, { migrationsDir: MIGRATIONS_DIR }),
      migrate(url, { migrationsDir: MIGRATIONS_DIR }),
    ]);
    expect(runs.flatMap((run) => run.applied).sort()).toEqual(expected);
    expect((await migrationRows(url)).map((row) => row.migration_name)).toEqual(expected);
  });

  it("rolls a failing migration back entirely, names it in the error, and applies it once it is fixed", async () => {
    const url = await createEmptyDatabase();
    const dir = await migrationsFolder({
      "20260101000000_first": `CREATE TABLE "first_table" ("id" INTEGER PRIMARY KEY);`,
      "20260102000000_broken": [
        `CREATE TABLE "partial_table" ("id" INTEGER);`,
        `INSERT INTO "first_table" ("id") VALUES (1);`,
        `ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;`,
      ].join("\n"),
      "20260103000000_after": `CREATE TABLE "after_table" ("id" INTEGER);`,
    });

    const error = await failureOf(migrate(url, { migrationsDir: dir }));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain("20260102000000_broken");
    expect(error.message).toContain("no_such_table");

    // The first one stays applied; nothing of the broken one is left; the one after it was not attempted.
    expect(await tablesOf(url)).toEqual(["_prisma_migrations", "first_table"]);
    expect(await query(url, `SELECT * FROM "first_table"`)).toEqual([]);
    expect((await migrationRows(url)).map((row) => row.migration_name)).toEqual(["20260101000000_first"]);

    await writeFile(path.join(dir, "20260102000000_broken", "migration.sql"), `CREATE TABLE "partial_table" ("id" INTEGER);`);
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: ["20260102000000_broken", "20260103000000_after"] });
    expect(await tablesOf(url)).toEqual(["_prisma_migrations", "after_table", "first_table", "partial_table"]);
  });

  it("refuses to continue after a failure Prisma recorded and nobody resolved, naming the migration", async () => {
    const url = await createEmptyDatabase();
    await query(url, PRISMA_MIGRATIONS_TABLE);
    await query(url, `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ($1, $2, $3, 'boom')`, [
      randomUUID(),
      "0".repeat(64),
      "20250101000000_half_done",
    ]);
    const error = await failureOf(migrate(url, { migrationsDir: MIGRATIONS_DIR }));
    expect(error.message).toContain("20250101000000_half_done");
    expect(error.message).toContain("prisma migrate resolve");
    expect(await tablesOf(url)).toEqual(["_prisma_migrations"]);
  });

  it("warns, and does not re-run, when an applied migration was edited afterwards", async () => {
    const url = await createEmptyDatabase();
    const dir = await migrationsFolder({ "20260101000000_first": `CREATE TABLE "first_table" ("id" INTEGER);` });
    await migrate(url, { migrationsDir: dir });
    await writeFile(path.join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "first_table" ("id" BIGINT);`);
    const log: string[] = [];
    expect(await migrate(url, { migrationsDir: dir, log: (line) => log.push(line) })).toEqual({ applied: [] });
    expect(log).toEqual(["warning: migration 20260101000000_first was edited after it was applied"]);
  });
});
