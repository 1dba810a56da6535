import { Redis } from "ioredis";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "~/server/log/logger";
import type { RateLimit } from "./limits";
import { RATE_LIMIT_SCHEMA, RATE_LIMIT_TABLE } from "./rate-limit-table";

/** Where the counts live. Memory is for unit tests only: two instances would each count on their own. */
export type LimiterStore =
  | { kind: "memory" }
  | { kind: "postgres"; pool: pg.Pool }
  | { kind: "redis"; client: Redis };

// A limiter store that does not answer quickly must not hold requests up (the caller fails open on the error).
const STORE_TIMEOUT_MS = 1_000;

/** A small pool of its own, so counting requests never waits behind the app's queries for a connection. */
export function postgresLimiterStore(connectionString: string): LimiterStore {
  const pool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: STORE_TIMEOUT_MS, query_timeout: STORE_TIMEOUT_MS });
  // An idle client losing its connection (PostgreSQL restarted) is reported here; without a listener it would crash the process.
  pool.on("error", (error) => logger.error({ err: error, store: "postgres" }, "Rate limit store connection error"));
  return { kind: "postgres", pool };
}

export function redisLimiterStore(url: string): LimiterStore {
  const client = new Redis(url, {
    // While Redis is unreachable a command fails after one reconnection attempt instead of waiting in the queue.
    maxRetriesPerRequest: 1,
    commandTimeout: STORE_TIMEOUT_MS,
    connectTimeout: STORE_TIMEOUT_MS,
  });
  client.on("error", (error: Error) => logger.error({ err: error, store: "redis" }, "Rate limit store connection error"));
  return { kind: "redis", client };
}

/** One limiter of `limit` on `store`; `prefix` separates its keys from other limiters' in the same table or Redis. */
export function createLimiter(store: LimiterStore, prefix: string, limit: RateLimit): RateLimiterAbstract {
  const options = { keyPrefix: `foodar-rl:${prefix}`, points: limit.points, duration: limit.durationSeconds };
  switch (store.kind) {
    case "memory":
      return new RateLimiterMemory(options);
    case "redis":
      return new RateLimiterRedis({ ...options, storeClient: store.client });
    case "postgres":
      return new RateLimiterPostgres({
        ...options,
        storeClient: store.pool,
        storeType: "pool",
        schemaName: RATE_LIMIT_SCHEMA,
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
      });
  }
}

export async function closeLimiterStore(store: LimiterStore) {
  if (store.kind === "postgres") await store.pool.end();
  if (store.kind === "redis") await store.client.quit();
}
