import { readBytesWithLimit } from "~/server/http/read-body-with-limit";
import { checkLemonSqueezySignature, SIGNATURE_HEADER } from "./signature";

/** Lemon Squeezy's events are a few kilobytes; anything larger is not from Lemon Squeezy. */
export const MAX_LEMON_SQUEEZY_WEBHOOK_BYTES = 1024 * 1024;

export type VerifiedDelivery = { ok: true; rawBody: string } | { ok: false; status: 401 | 413; error: string };

/**
 * Reads the body (at most 1 MB) and checks its signature over the exact bytes received, before anything else
 * looks at it: an unsigned delivery is refused without being parsed or stored.
 */
export async function verifyLemonSqueezyWebhook(request: Request, secret: string): Promise<VerifiedDelivery> {
  const body = await readBytesWithLimit(request, MAX_LEMON_SQUEEZY_WEBHOOK_BYTES);
  if (!body.ok) return { ok: false, status: 413, error: `Webhook body is larger than ${MAX_LEMON_SQUEEZY_WEBHOOK_BYTES} bytes` };
  const signature = checkLemonSqueezySignature(secret, body.bytes, request.headers.get(SIGNATURE_HEADER));
  if (!signature.ok) return { ok: false, status: 401, error: signature.error };
  return { ok: true, rawBody: body.bytes.toString("utf8") };
}
