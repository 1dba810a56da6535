import { env } from "~/env.js";
import { parseClerkWebhook } from "~/schemas/clerk-webhook";
import { db } from "~/server/db";
import { limitByClientIp } from "~/server/http/rate-limit-response";
import { verifyClerkWebhook } from "~/server/integrations/clerk/verify-clerk-webhook";
import { applyClerkWebhook } from "~/server/services/users/apply-clerk-webhook";

export async function POST(request: Request) {
  // Svix retries a 429 with backoff, so a delivery over the (generous) limit is delayed, not lost.
  const limited = await limitByClientIp(request, "webhooks");
  if (limited) return limited;
  const secret = env.CLERK_WEBHOOK_SIGNING_SECRET;
  // 503 rather than 404: Svix retries it, so deliveries sent before the secret is configured are not lost.
  if (!secret) {
    return Response.json({ error: "Clerk webhooks are not configured: set CLERK_WEBHOOK_SIGNING_SECRET" }, { status: 503 });
  }
  const delivery = await verifyClerkWebhook(request, secret);
  if (!delivery.ok) return Response.json({ error: delivery.error }, { status: delivery.status });

  const parsed = parseClerkWebhook(delivery.payload);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  if (!parsed.event) return Response.json({ received: true, ignored: parsed.ignoredType });

  await applyClerkWebhook(db, parsed.event, { adminEmails: env.ADMIN_EMAILS, now: new Date() });
  return Response.json({ received: true });
}
