import { createHash } from "node:crypto";
import type { WebhookEnvelope } from "~/schemas/lemon-squeezy-webhook";

// Lemon Squeezy's deliveries carry no event id, and a retry or a resend is byte-for-byte the same body. What makes
// an event itself is its name, its resource and the version of that resource (its updated_at); an invoice is only
// ever paid, failed, recovered or refunded once, so for invoice events the invoice id is enough.

const INVOICE_TYPE = "subscription-invoices";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function dedupeKeyOf(envelope: WebhookEnvelope, rawBody: string): string {
  const resource = `${envelope.eventName}:${envelope.resourceType}:${envelope.resourceId}`;
  if (envelope.resourceType === INVOICE_TYPE) return resource;
  // Events we do not handle may have no updated_at; their body then stands for their version.
  return `${resource}:${envelope.updatedAt ?? `sha256:${sha256(rawBody)}`}`;
}

/** A delivery that could not be read has no name or resource to go by: the same bytes are the same delivery. */
export const invalidDedupeKeyOf = (rawBody: string) => `invalid:sha256:${sha256(rawBody)}`;
