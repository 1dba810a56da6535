import pg from "pg";
import { currentDbScope, type DbScope } from "./db-scope";

/** The role owner requests run as; created, granted and given its policies by the row_level_security migration. */
export const TENANT_ROLE = "foodar_app";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// What each connection was last switched to. A connection missing here is fresh: it runs as the login role with no
// owner set, which is the system scope.
const appliedScopes = new WeakMap<pg.PoolClient, string>();

const scopeKey = (scope: DbScope) => (scope.kind === "owner" ? `owner:${scope.userId}` : "system");

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * A pool whose connections are switched to the caller's scope as they are checked out, before the first statement
 * (and before any BEGIN), so the switch is never undone by a rollback and every statement of a checkout runs for
 * the same tenant. The scope is read when the checkout is asked for: a caller that waits for a free connection is
 * resumed from another caller's release, whose scope is not its own.
 *
 * The setting lives for the session rather than the transaction because Prisma runs single statements outside one;
 * it is rewritten whenever a connection passes to another scope, so it never carries one owner into another's work.
 * That is also why a transaction-mode pooler (PgBouncer, Supavisor :6543) must not sit in front (docs/deploy.md).
 */
export class ScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const scope = currentDbScope();
    const ready = super.connect().then((client) => switchScope(guard(client), scope));
    if (!callback) return ready;
    ready.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
  }
}

// pg-pool removes its own 'error' listener from a client it hands out, and PostgreSQL shutting down can send its
// "terminating connection" in the very packet that completed the connect or the scope switch, before the caller has
// added one: an 'error' event nobody listens to is an uncaught exception, which ends the process. The error also
// fails the client's queries (the caller sees it there), and pg-pool discards the broken client when it is released.
const guarded = new WeakSet<pg.PoolClient>();

function guard(client: pg.PoolClient): pg.PoolClient {
  if (!guarded.has(client)) {
    guarded.add(client);
    client.on("error", () => {});
  }
  return client;
}

async function switchScope(client: pg.PoolClient, scope: DbScope): Promise<pg.PoolClient> {
  const key = scopeKey(scope);
  if ((appliedScopes.get(client) ?? "system") === key) return client;
  try {
    if (scope.kind === "owner") {
      // Never interpolated, but the policies cast the setting to uuid: anything else would fail every query.
      if (!UUID.test(scope.userId)) throw new Error("The database scope needs the owner's user id");
      await client.query("SELECT set_config('role', $1, false), set_config('app.user_id', $2, false)", [TENANT_ROLE, scope.userId]);
    } else {
      await client.query("SELECT set_config('role', 'none', false), set_config('app.user_id', '', false)");
    }
  } catch (error) {
    // A connection whose scope is unknown must not serve anyone: it is closed rather than returned to the pool.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
  appliedScopes.set(client, key);
  return client;
}
