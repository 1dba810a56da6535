import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "~/server/log/logger";
import type { RateLimit } from "./limits";

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

/** A refusal as the message a person reads: what was counted, and when to try again. */
export function rateLimitMessage(limit: RateLimit, retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many ${limit.what} in a short time. Please wait ${wait} and try again.`;
}

/**
 * Counts one request under `key`. When the store itself fails (PostgreSQL restarting, Redis unreachable, a
 * timeout) the request is allowed and the failure logged: the limits protect the app from abuse, and refusing
 * every guest, owner and webhook while the store is down would be the outage they exist to prevent.
 */
export async function checkRateLimit(limiter: RateLimiterAbstract, limit: RateLimit, key: string): Promise<RateLimitDecision> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return { allowed: false, retryAfterSeconds, message: rateLimitMessage(limit, retryAfterSeconds) };
    }
    logger.error({ err: rejection, limiter: limiter.keyPrefix }, "Rate limit store failed; allowing the request");
    return { allowed: true };
  }
}
