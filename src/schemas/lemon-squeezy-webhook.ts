import { z } from "zod";

// Lemon Squeezy's webhook bodies: `meta` (event_name, test_mode, webhook_id, custom_data as given at checkout, its
// keys snake-cased) and `data`, one JSON:API resource — `type`, a string `id` and snake_case `attributes`. Only the
// fields we keep are validated; Lemon Squeezy adds attributes over time and those must not turn deliveries into
// errors. The sandbox checkout builds its deliveries with these same shapes.

export const SUBSCRIPTION_EVENTS = [
  "subscription_created",
  "subscription_updated",
  "subscription_cancelled",
  "subscription_resumed",
  "subscription_expired",
  "subscription_paused",
  "subscription_unpaused",
] as const;
export const INVOICE_EVENTS = [
  "subscription_payment_success",
  "subscription_payment_failed",
  "subscription_payment_recovered",
  "subscription_payment_refunded",
] as const;
export const ORDER_EVENTS = ["order_created", "order_refunded"] as const;

export type SubscriptionEventName = (typeof SUBSCRIPTION_EVENTS)[number];
export type InvoiceEventName = (typeof INVOICE_EVENTS)[number];
export type OrderEventName = (typeof ORDER_EVENTS)[number];

export const SUBSCRIPTION_STATUSES = ["on_trial", "active", "paused", "past_due", "unpaid", "cancelled", "expired"] as const;
export type LemonSqueezySubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Ids inside attributes are JSON numbers (the resource's own `id` is a string); both are kept as text. */
const resourceId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, "must be a numeric id")]).transform(String);

/** ISO 8601 as Lemon Squeezy writes it, e.g. 2026-11-22T10:00:00.000000Z; kept as sent (the dedupe key uses it). */
const timestamp = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });

const minorUnits = z.number().int("must be a whole number of minor units").nonnegative();

export const subscriptionAttributesSchema = z.looseObject({
  store_id: resourceId,
  customer_id: resourceId,
  order_id: resourceId.nullish(),
  product_id: resourceId.nullish(),
  variant_id: resourceId,
  status: z.enum(SUBSCRIPTION_STATUSES, { error: `must be one of ${SUBSCRIPTION_STATUSES.join(", ")}` }),
  card_brand: z.string().nullish(),
  card_last_four: z.string().max(4).nullish(),
  trial_ends_at: timestamp.nullish(),
  renews_at: timestamp.nullish(),
  ends_at: timestamp.nullish(),
  first_subscription_item: z.looseObject({ id: resourceId }).nullish(),
  urls: z
    .looseObject({
      update_payment_method: z.url().nullish(),
      customer_portal: z.url().nullish(),
    })
    .nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const invoiceAttributesSchema = z.looseObject({
  store_id: resourceId,
  subscription_id: resourceId,
  customer_id: resourceId.nullish(),
  /** initial, renewal or updated. */
  billing_reason: z.string().min(1),
  currency: z.string().length(3, "must be an ISO 4217 currency code"),
  /** pending, paid, void, refunded or partial_refund. */
  status: z.string().min(1),
  refunded: z.boolean(),
  total: minorUnits,
  refunded_amount: minorUnits.nullish(),
  urls: z.looseObject({ invoice_url: z.url().nullish() }).nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const orderAttributesSchema = z.looseObject({
  store_id: resourceId,
  customer_id: resourceId,
  identifier: z.string().min(1),
  order_number: z.number().int(),
  currency: z.string().length(3, "must be an ISO 4217 currency code"),
  /** pending, failed, paid, refunded, partial_refund or fraudulent. */
  status: z.string().min(1),
  refunded: z.boolean(),
  total: minorUnits,
  refunded_amount: minorUnits.nullish(),
  first_order_item: z.looseObject({ product_id: resourceId.nullish(), variant_id: resourceId.nullish() }).nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

export type SubscriptionAttributes = z.infer<typeof subscriptionAttributesSchema>;
export type InvoiceAttributes = z.infer<typeof invoiceAttributesSchema>;
export type OrderAttributes = z.infer<typeof orderAttributesSchema>;

const envelopeSchema = z.object({
  meta: z.looseObject({
    event_name: z.string().min(1, "is required"),
    test_mode: z.boolean().optional(),
    webhook_id: z.string().optional(),
    custom_data: z.record(z.string(), z.unknown()).nullish(),
  }),
  data: z.looseObject({
    type: z.string().min(1, "is required"),
    id: z.string().min(1, "is required"),
    attributes: z.record(z.string(), z.unknown()),
  }),
});

type Common = {
  resourceId: string;
  testMode: boolean;
  /** `meta.custom_data.restaurant_id`: a UUID, or null when absent; a present non-UUID is a shape error. */
  restaurantId: string | null;
};

export type LemonSqueezyWebhookEvent =
  | (Common & { kind: "subscription"; name: SubscriptionEventName; attributes: SubscriptionAttributes })
  | (Common & { kind: "invoice"; name: InvoiceEventName; attributes: InvoiceAttributes })
  | (Common & { kind: "order"; name: OrderEventName; attributes: OrderAttributes });

/** What is known about a delivery whose event we do not handle, or whose shape is wrong. */
export type WebhookEnvelope = {
  eventName: string;
  resourceType: string;
  resourceId: string;
  updatedAt: string | null;
  restaurantId: string | null;
};

export type ParsedLemonSqueezyWebhook =
  | { ok: true; event: LemonSqueezyWebhookEvent; envelope: WebhookEnvelope }
  | { ok: true; event: null; envelope: WebhookEnvelope }
  | { ok: false; error: string; envelope: WebhookEnvelope | null };

const KINDS = {
  subscription: { events: SUBSCRIPTION_EVENTS as readonly string[], type: "subscriptions", attributes: subscriptionAttributesSchema },
  invoice: { events: INVOICE_EVENTS as readonly string[], type: "subscription-invoices", attributes: invoiceAttributesSchema },
  order: { events: ORDER_EVENTS as readonly string[], type: "orders", attributes: orderAttributesSchema },
} as const;

type Kind = keyof typeof KINDS;

function kindOf(eventName: string): Kind | null {
  for (const kind of Object.keys(KINDS) as Kind[]) if (KINDS[kind].events.includes(eventName)) return kind;
  return null;
}

function describe(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const where = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join(".");
  return `Unexpected Lemon Squeezy payload: ${where || "body"}: ${issue?.message ?? "invalid"}`;
}

const restaurantIdSchema = z.uuid("must be a restaurant id (UUID)").nullish();

/**
 * Parses a delivery's JSON. Events we do not handle are reported with `event: null` (acknowledged and stored,
 * not refused, so Lemon Squeezy does not retry them); a handled event whose resource has the wrong type or
 * attributes is an error naming the first field that is wrong.
 */
export function parseLemonSqueezyWebhook(payload: unknown): ParsedLemonSqueezyWebhook {
  const parsed = envelopeSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: describe(parsed.error, ""), envelope: null };
  const { meta, data } = parsed.data;
  const updatedAt = typeof data.attributes.updated_at === "string" ? data.attributes.updated_at : null;
  const restaurant = restaurantIdSchema.safeParse(meta.custom_data?.restaurant_id);
  const envelope: WebhookEnvelope = {
    eventName: meta.event_name,
    resourceType: data.type,
    resourceId: data.id,
    updatedAt,
    restaurantId: restaurant.success ? (restaurant.data ?? null) : null,
  };

  const kind = kindOf(meta.event_name);
  if (!kind) return { ok: true, event: null, envelope };
  const spec = KINDS[kind];
  if (data.type !== spec.type) {
    return { ok: false, error: `Unexpected Lemon Squeezy payload: data.type: ${meta.event_name} carries "${spec.type}", not "${data.type}"`, envelope };
  }
  if (!restaurant.success) return { ok: false, error: describe(restaurant.error, "meta.custom_data.restaurant_id"), envelope };
  const common: Common = { resourceId: data.id, testMode: meta.test_mode ?? false, restaurantId: envelope.restaurantId };

  switch (kind) {
    case "subscription": {
      const attributes = subscriptionAttributesSchema.safeParse(data.attributes);
      if (!attributes.success) return { ok: false, error: describe(attributes.error, "data.attributes"), envelope };
      return { ok: true, envelope, event: { ...common, kind, name: meta.event_name as SubscriptionEventName, attributes: attributes.data } };
    }
    case "invoice": {
      const attributes = invoiceAttributesSchema.safeParse(data.attributes);
      if (!attributes.success) return { ok: false, error: describe(attributes.error, "data.attributes"), envelope };
      return { ok: true, envelope, event: { ...common, kind, name: meta.event_name as InvoiceEventName, attributes: attributes.data } };
    }
    case "order": {
      const attributes = orderAttributesSchema.safeParse(data.attributes);
      if (!attributes.success) return { ok: false, error: describe(attributes.error, "data.attributes"), envelope };
      return { ok: true, envelope, event: { ...common, kind, name: meta.event_name as OrderEventName, attributes: attributes.data } };
    }
  }
}
