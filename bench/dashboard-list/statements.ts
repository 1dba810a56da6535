import type pg from "pg";

// Counts every statement the server sends to PostgreSQL, with PostgreSQL's own pg_stat_statements: whatever sends
// it (Prisma, the session lookup, a tenancy `set_config`, a transaction's BEGIN/COMMIT), it is counted once per
// execution, and nothing in the app has to be instrumented. The module must be preloaded, so the server's
// PostgreSQL is restarted once after `enableStatementStats`.

/** Takes effect at PostgreSQL's next start. */
export async function enableStatementStats(client: pg.Client): Promise<void> {
  await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
}

export async function resetStatementStats(client: pg.Client): Promise<void> {
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await client.query("SELECT pg_stat_statements_reset()");
}

export type StatementKind = "data" | "context";

export type CountedStatement = { query: string; calls: number; meanMs: number; kind: StatementKind };

// Statements that read or write no rows of the app: transaction control and per-session settings (row-level
// security's `set_config` of the tenant). They cost a round trip each, but are not the "data queries" counted
// against the target.
const CONTEXT = /^\s*(BEGIN|START TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET|DISCARD)\b|^\s*SELECT\s+(pg_catalog\.)?set_config\s*\(/i;

export const kindOf = (query: string): StatementKind => (CONTEXT.test(query) ? "context" : "data");

/** What the app's database saw since the last reset, the bench's own statistics queries left out. */
export async function readStatementStats(client: pg.Client): Promise<CountedStatement[]> {
  const { rows } = await client.query<{ query: string; calls: string; mean_ms: number }>(
    `SELECT query, calls::text, mean_exec_time AS mean_ms FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
     ORDER BY calls DESC, query`,
  );
  return rows.map((row) => ({ query: row.query, calls: Number(row.calls), meanMs: row.mean_ms, kind: kindOf(row.query) }));
}
