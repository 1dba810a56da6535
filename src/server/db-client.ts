import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { ScopedPool } from "./db/scoped-pool";

export type Db = PrismaClient;

/**
 * Prisma on a pool that switches each connection to the scope of the work that checks it out (row-level security,
 * src/server/db/db-scope.ts). Disconnecting ends the pool: the adapter would otherwise open a plain one on the next
 * query, whose connections would skip the switch.
 */
class FoodarDb extends PrismaClient {
  readonly #pool: ScopedPool;

  constructor(pool: ScopedPool) {
    super({ adapter: new PrismaPg(pool) });
    this.#pool = pool;
  }

  override async $disconnect(): Promise<void> {
    await super.$disconnect();
    if (!this.#pool.ended) await this.#pool.end();
  }
}

export function createDb(connectionString: string): PrismaClient {
  // A bounded connect timeout lets health checks and requests fail fast while PostgreSQL is down.
  const pool = new ScopedPool({ connectionString, connectionTimeoutMillis: 5_000 });
  // Errors of idle connections (PostgreSQL restarted, a database dropped under a test) are the pool's to absorb:
  // the connection is discarded and the next checkout opens a new one.
  pool.on("error", () => {});
  return new FoodarDb(pool);
}
