import pg from "pg";

// The PostgreSQL store's counters live in their own schema, like pg-boss's, so Prisma's migrations (which own
// `public`) never see them. The table is created with the migrations (see prepareRateLimitTable's callers), not by
// rate-limiter-flexible on first use: every limiter is then built with `tableCreated: true` and a request never
// waits for, or races, a CREATE TABLE.

export const RATE_LIMIT_SCHEMA = "rate_limit";
export const RATE_LIMIT_TABLE = "counters";

/** The layout rate-limiter-flexible's RateLimiterPostgres reads and writes. Safe to run from any number of processes. */
export async function prepareRateLimitTable(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Instances starting together would race on CREATE ... IF NOT EXISTS (a unique violation on the catalog).
    await client.query("SELECT pg_advisory_lock(hashtext('foodar:rate-limit-table'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${RATE_LIMIT_SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_SCHEMA}.${RATE_LIMIT_TABLE} (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
    // Expired rows are deleted by the limiters (once an hour old), by this column.
    await client.query(`CREATE INDEX IF NOT EXISTS ${RATE_LIMIT_TABLE}_expire_idx ON ${RATE_LIMIT_SCHEMA}.${RATE_LIMIT_TABLE} (expire)`);
  } finally {
    await client.end();
  }
}
