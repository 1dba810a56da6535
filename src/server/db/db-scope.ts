import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Whom the database work in progress acts for. An owner's work runs as the role `foodar_app` with the owner's id
 * set, so PostgreSQL's row-level security hides every other tenant's rows even from a query that forgot its own
 * ownership filter. System work (admins, jobs, webhooks, the public menu, scripts) runs as the login role, which
 * owns the tables and is not subject to the policies.
 */
export type DbScope = { kind: "system" } | { kind: "owner"; userId: string };

export const SYSTEM_SCOPE: DbScope = { kind: "system" };

const scopes = new AsyncLocalStorage<DbScope>();

/** Work outside any request (jobs, scripts, tests' own setup) is system work. */
export function currentDbScope(): DbScope {
  return scopes.getStore() ?? SYSTEM_SCOPE;
}

// Awaited inside the scope: Prisma's queries are lazy and run when first awaited, so a query returned unawaited
// would otherwise run in whatever scope its awaiter is in.
function runIn<T>(scope: DbScope, work: () => T | PromiseLike<T>): Promise<T> {
  return scopes.run(scope, async () => await work());
}

export function runAsOwner<T>(userId: string, work: () => T | PromiseLike<T>): Promise<T> {
  return runIn({ kind: "owner", userId }, work);
}

/** The explicit bypass: admins acting on every restaurant, from inside a request that started as an owner's. */
export function runAsSystem<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return runIn(SYSTEM_SCOPE, work);
}
