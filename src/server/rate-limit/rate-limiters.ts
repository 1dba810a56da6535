import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "~/env.js";
import { checkRateLimit, type RateLimitDecision } from "./check-rate-limit";
import { createLimiter, postgresLimiterStore, redisLimiterStore, type LimiterStore } from "./limiter-store";
import { RATE_LIMITS, type RateLimitName } from "./limits";

// The app's limiters: Redis when REDIS_URL is set, otherwise the app's PostgreSQL. Built on first use, so that
// importing a route opens no connection. In development Next re-evaluates modules on every edit, so the store is
// kept on globalThis there, as the database client is.
const globalForLimits = globalThis as unknown as { foodarLimiterStore?: LimiterStore };
const reuse = env.NODE_ENV === "development";

let store: LimiterStore | null = null;
const limiters = new Map<RateLimitName, RateLimiterAbstract>();

function appLimiterStore(): LimiterStore {
  store ??= (reuse ? globalForLimits.foodarLimiterStore : undefined) ??
    (env.REDIS_URL ? redisLimiterStore(env.REDIS_URL) : postgresLimiterStore(env.DATABASE_URL));
  if (reuse) globalForLimits.foodarLimiterStore = store;
  return store;
}

/** Counts one request of `name` for `key` (e.g. `ip:203.0.113.7`, `user:<id>`); always allowed with RATE_LIMITS=off. */
export async function rateLimit(name: RateLimitName, key: string): Promise<RateLimitDecision> {
  if (!env.RATE_LIMITS) return { allowed: true };
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = createLimiter(appLimiterStore(), name, RATE_LIMITS[name]);
    limiters.set(name, limiter);
  }
  return checkRateLimit(limiter, RATE_LIMITS[name], key);
}
