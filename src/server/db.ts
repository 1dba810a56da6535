import { env } from "~/env.js";
import { createDb, type Db } from "~/server/db-client";

export type { Db };

// One client per process; in development Next re-evaluates modules on every edit, so the client is kept on
// globalThis to avoid opening a new pool each time.
const globalForDb = globalThis as unknown as { foodarDb?: Db };

export const db: Db = globalForDb.foodarDb ?? createDb(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForDb.foodarDb = db;
