import { Webhook, WebhookVerificationError } from "svix";
import { readBodyWithLimit } from "~/server/http/read-body-with-limit";

// Clerk's user events are a few kilobytes; anything this large is not from Clerk.
export const MAX_CLERK_WEBHOOK_BYTES = 256 * 1024;

export type VerifiedDelivery = { ok: true; payload: unknown } | { ok: false; status: 400 | 401 | 413 | 503; error: string };

/**
 * Checks a delivery the way Svix signs it: HMAC over id, timestamp and the raw body. Svix also rejects
 * timestamps more than five minutes away, which is what makes a captured delivery useless to replay later.
 */
export async function verifyClerkWebhook(request: Request, signingSecret: string): Promise<VerifiedDelivery> {
  const body = await readBodyWithLimit(request, MAX_CLERK_WEBHOOK_BYTES);
  if (!body.ok) return { ok: false, status: 413, error: `Webhook body is larger than ${MAX_CLERK_WEBHOOK_BYTES} bytes` };

  const headers = {
    "svix-id": request.headers.get("svix-id") ?? "",
    "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
    "svix-signature": request.headers.get("svix-signature") ?? "",
  };
  const missing = Object.entries(headers).filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0) return { ok: false, status: 401, error: `Missing webhook signature header(s): ${missing.join(", ")}` };

  let webhook: Webhook;
  try {
    webhook = new Webhook(signingSecret);
  } catch {
    return { ok: false, status: 503, error: "CLERK_WEBHOOK_SIGNING_SECRET is not a valid Svix signing secret (whsec_ followed by base64)" };
  }
  try {
    webhook.verify(body.text, headers);
  } catch (error) {
    const reason = error instanceof WebhookVerificationError ? error.message : "signature could not be checked";
    return { ok: false, status: 401, error: `Invalid webhook signature: ${reason}` };
  }

  try {
    return { ok: true, payload: JSON.parse(body.text) as unknown };
  } catch {
    return { ok: false, status: 400, error: "Webhook body is not valid JSON" };
  }
}
