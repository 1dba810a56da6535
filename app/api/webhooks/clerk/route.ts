import { env } from "~/env.js";
import { parseClerkWebhook } from "~/schemas/clerk-webhook";
import { db } from "~/server/db";
import { limitByClientIp } from "~/server/http/rate-limit-response";
import { requestLog } from "~/server/log/request-log";
import { verifyClerkWebhook } from "~/server/integrations/clerk/verify-clerk-webhook";
import { applyClerkWebhook } from "~/server/services/users/apply-clerk-webhook";

export async function POST(request: Request) {
  const { log } = requestLog(request, { route: "webhooks/clerk" });
  // Svix retries a 429 with backoff, so a delivery over the (generous) limit is delayed, not lost.
  const limited = await limitByClientIp(request, "webhooks");
  if (limited) return limited;
  const secret = env.CLERK_WEBHOOK_SIGNING_SECRET;
  // 503 rather than 404: Svix retries it, so deliveries sent before the secret is configured are not lost.
  if (!secret) {
    log.warn("Clerk webhook delivery refused: CLERK_WEBHOOK_SIGNING_SECRET is not set");
    return Response.json({ error: "Clerk webhooks are not configured: set CLERK_WEBHOOK_SIGNING_SECRET" }, { status: 503 });
  }
  const delivery = await verifyClerkWebhook(request, secret);
  if (!delivery.ok) {
    // The reason only: the svix headers carry the signature.
    log.warn({ status: delivery.status, reason: delivery.error }, "Clerk webhook delivery refused");
    return Response.json({ error: delivery.error }, { status: delivery.status });
  }

  const parsed = parseClerkWebhook(delivery.payload);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  if (!parsed.event) return Response.json({ received: true, ignored: parsed.ignoredType });

  await applyClerkWebhook(db, parsed.event, { adminEmails: env.ADMIN_EMAILS, now: new Date() });
  log.info({ type: parsed.event.type }, "Clerk webhook applied");
  return Response.json({ received: true });
}
