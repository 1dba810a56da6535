import { clientIpFrom } from "~/server/rate-limit/client-ip";
import type { RateLimitName } from "~/server/rate-limit/limits";
import { rateLimit } from "~/server/rate-limit/rate-limiters";

// The route handlers' side of the limits: null when the request may go on, else the 429 to answer with, sent
// before the route reads the body or touches the database, so a refused request changes nothing.

async function refusal(name: RateLimitName, key: string): Promise<Response | null> {
  const decision = await rateLimit(name, key);
  if (decision.allowed) return null;
  return Response.json(
    { error: decision.message, retryAfterSeconds: decision.retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/** For public routes: counted per client IP (see clientIpFrom for whose word that is). */
export function limitByClientIp(request: Request, name: RateLimitName): Promise<Response | null> {
  return refusal(name, `ip:${clientIpFrom(request.headers)}`);
}

/** For signed-in routes: counted per user, wherever they connect from. */
export function limitByUser(userId: string, name: RateLimitName): Promise<Response | null> {
  return refusal(name, `user:${userId}`);
}
