import { lemonSqueezyWebhookSecret } from "~/env.js";
import { db } from "~/server/db";
import { limitByClientIp } from "~/server/http/rate-limit-response";
import { requestLog } from "~/server/log/request-log";
import { verifyLemonSqueezyWebhook } from "~/server/integrations/lemon-squeezy/verify-lemon-squeezy-webhook";
import { receiveLemonSqueezyWebhook } from "~/server/services/billing/receive-lemon-squeezy-webhook";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const NO_STORE = { "Cache-Control": "no-store" };

// Lemon Squeezy (or the sandbox checkout) posts subscription, payment and order events here. Anything but a 200
// makes Lemon Squeezy retry (3 more times, over about 2.5 minutes).
export async function POST(request: Request): Promise<Response> {
  const { log } = requestLog(request, { route: "webhooks/lemon-squeezy" });
  // A 429 is retried like any other refusal, so a delivery over the (generous) limit is delayed, not lost.
  const limited = await limitByClientIp(request, "webhooks");
  if (limited) return limited;
  const delivery = await verifyLemonSqueezyWebhook(request, lemonSqueezyWebhookSecret());
  if (!delivery.ok) {
    // Why it was refused, never the signature or the body: a forged delivery is someone probing the secret.
    log.warn({ status: delivery.status, reason: delivery.error, eventName: request.headers.get("x-event-name") }, "Lemon Squeezy delivery refused");
    return Response.json({ error: delivery.error }, { status: delivery.status, headers: NO_STORE });
  }
  const result = await receiveLemonSqueezyWebhook(db, delivery.rawBody, new Date(), log);
  log.info({ status: result.status, outcome: "received" in result.body ? result.body.outcome : null }, "Lemon Squeezy delivery handled");
  return Response.json(result.body, { status: result.status, headers: NO_STORE });
}
