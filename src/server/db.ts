import { env } from "~/env.js";
import { createDb, type Db } from "~/server/db-client";

export type { Db };

// One client per process; in development Next re-evaluates modules on every edit, so the client is kept on
// globalThis to avoid opening a new pool each time. Only there: elsewhere a fresh import must honour the
// DATABASE_URL it is given (tests load route handlers against different databases).
const globalForDb = globalThis as unknown as { foodarDb?: Db };
const reuse = env.NODE_ENV === "development";

export const db: Db = (reuse ? globalForDb.foodarDb : undefined) ?? createDb(env.DATABASE_URL);

if (reuse) globalForDb.foodarDb = db;
