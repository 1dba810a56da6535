import { z } from "zod";

// Only the fields we keep are validated; Clerk adds fields to its payloads over time and those must not
// turn deliveries into errors.
const clerkUserSchema = z.object({
  id: z.string().min(1),
  email_addresses: z.array(z.object({ id: z.string(), email_address: z.string().min(1).max(320) })),
  primary_email_address_id: z.string().nullable(),
  first_name: z.string().max(200).nullable(),
  last_name: z.string().max(200).nullable(),
  // Milliseconds since the epoch; orders deliveries, which Svix may send out of order.
  updated_at: z.number().int().nonnegative(),
});

const clerkUserUpsertedSchema = z.object({ type: z.enum(["user.created", "user.updated"]), data: clerkUserSchema });
const clerkUserDeletedSchema = z.object({ type: z.literal("user.deleted"), data: z.object({ id: z.string().min(1) }) });

const clerkEventSchema = z.discriminatedUnion("type", [clerkUserUpsertedSchema, clerkUserDeletedSchema]);
const envelopeSchema = z.object({ type: z.string().min(1), data: z.record(z.string(), z.unknown()) });

export type ClerkWebhookEvent = z.infer<typeof clerkEventSchema>;

const HANDLED_TYPES: ReadonlySet<string> = new Set(["user.created", "user.updated", "user.deleted"]);

export type ParsedClerkWebhook =
  | { ok: true; event: ClerkWebhookEvent }
  | { ok: true; event: null; ignoredType: string }
  | { ok: false; error: string };

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "payload";
  return `Unexpected Clerk event: ${where}: ${issue?.message ?? "invalid"}`;
}

/** Events we do not subscribe to are acknowledged rather than rejected, so Clerk does not retry them. */
export function parseClerkWebhook(payload: unknown): ParsedClerkWebhook {
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, error: describe(envelope.error) };
  if (!HANDLED_TYPES.has(envelope.data.type)) return { ok: true, event: null, ignoredType: envelope.data.type };
  const event = clerkEventSchema.safeParse(payload);
  return event.success ? { ok: true, event: event.data } : { ok: false, error: describe(event.error) };
}
