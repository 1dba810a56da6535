// Webhook bodies shaped like Lemon Squeezy's own (docs.lemonsqueezy.com: webhooks, the subscription,
// subscription-invoice and order objects), with every attribute a real delivery carries, not just the ones we read.

type Meta = { restaurantId?: string | null; testMode?: boolean; customData?: Record<string, unknown> | null };

function meta(eventName: string, options: Meta) {
  const customData = options.customData !== undefined ? options.customData : options.restaurantId ? { restaurant_id: options.restaurantId } : undefined;
  return {
    test_mode: options.testMode ?? true,
    event_name: eventName,
    webhook_id: "7d6b4d0c-3a33-4b1e-9a0b-9f2d1c7e4a11",
    ...(customData === undefined ? {} : { custom_data: customData }),
  };
}

/** Lemon Squeezy writes microseconds: 2026-11-22T10:00:00.000000Z. */
export const lsTime = (date: Date) => date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

export type SubscriptionFields = {
  id: string;
  status: "on_trial" | "active" | "paused" | "past_due" | "unpaid" | "cancelled" | "expired";
  updatedAt: Date;
  createdAt?: Date;
  renewsAt?: Date | null;
  endsAt?: Date | null;
  trialEndsAt?: Date | null;
  orderId?: number;
  customerId?: number;
  variantId?: number;
  itemId?: number;
};

export function subscriptionEvent(eventName: string, fields: SubscriptionFields, options: Meta = {}) {
  const numericId = Number(fields.id);
  return {
    meta: meta(eventName, options),
    data: {
      type: "subscriptions",
      id: fields.id,
      attributes: {
        store_id: 41_234,
        customer_id: fields.customerId ?? 3_300_001,
        order_id: fields.orderId ?? 4_400_001,
        order_item_id: 5_500_001,
        product_id: 612_345,
        variant_id: fields.variantId ?? 723_456,
        product_name: "Foodar menu",
        variant_name: "Monthly",
        user_name: "Bilal Ahmed",
        user_email: "bilal@foodar.local",
        status: fields.status,
        status_formatted: fields.status.replace("_", " ").replace(/^./, (c) => c.toUpperCase()),
        card_brand: "visa",
        card_last_four: "4242",
        payment_processor: "stripe",
        pause: fields.status === "paused" ? { mode: "void", resumes_at: null } : null,
        cancelled: fields.status === "cancelled",
        trial_ends_at: fields.trialEndsAt ? lsTime(fields.trialEndsAt) : null,
        billing_anchor: 22,
        first_subscription_item: {
          id: fields.itemId ?? 8_800_001,
          subscription_id: numericId,
          price_id: 991_234,
          quantity: 1,
          is_usage_based: true,
          created_at: lsTime(fields.createdAt ?? fields.updatedAt),
          updated_at: lsTime(fields.updatedAt),
        },
        urls: {
          update_payment_method: `https://foodar.lemonsqueezy.com/subscription/${fields.id}/payment-details?expires=1790000000&signature=abc`,
          customer_portal: `https://foodar.lemonsqueezy.com/billing?expires=1790000000&user=1&signature=def`,
          customer_portal_update_subscription: `https://foodar.lemonsqueezy.com/billing/${fields.id}/update?expires=1790000000&signature=ghi`,
        },
        renews_at: fields.renewsAt === null ? null : lsTime(fields.renewsAt ?? new Date(fields.updatedAt.getTime() + 30 * 86_400_000)),
        ends_at: fields.endsAt ? lsTime(fields.endsAt) : null,
        created_at: lsTime(fields.createdAt ?? fields.updatedAt),
        updated_at: lsTime(fields.updatedAt),
        test_mode: true,
      },
      relationships: {
        store: { links: { related: `https://api.lemonsqueezy.com/v1/subscriptions/${fields.id}/store`, self: `https://api.lemonsqueezy.com/v1/subscriptions/${fields.id}/relationships/store` } },
        customer: { links: { related: `https://api.lemonsqueezy.com/v1/subscriptions/${fields.id}/customer`, self: `https://api.lemonsqueezy.com/v1/subscriptions/${fields.id}/relationships/customer` } },
      },
      links: { self: `https://api.lemonsqueezy.com/v1/subscriptions/${fields.id}` },
    },
  };
}

export type InvoiceFields = {
  id: string;
  subscriptionId: string;
  status: "pending" | "paid" | "void" | "refunded" | "partial_refund";
  updatedAt: Date;
  createdAt?: Date;
  total?: number;
  refundedAmount?: number;
  billingReason?: "initial" | "renewal" | "updated";
};

export function invoiceEvent(eventName: string, fields: InvoiceFields, options: Meta = {}) {
  const total = fields.total ?? 250_000;
  return {
    meta: meta(eventName, options),
    data: {
      type: "subscription-invoices",
      id: fields.id,
      attributes: {
        store_id: 41_234,
        subscription_id: Number(fields.subscriptionId),
        customer_id: 3_300_001,
        user_name: "Bilal Ahmed",
        user_email: "bilal@foodar.local",
        billing_reason: fields.billingReason ?? "initial",
        card_brand: "visa",
        card_last_four: "4242",
        currency: "PKR",
        currency_rate: "0.00359000",
        status: fields.status,
        status_formatted: fields.status,
        refunded: fields.status === "refunded",
        refunded_at: fields.status === "refunded" ? lsTime(fields.updatedAt) : null,
        subtotal: total,
        discount_total: 0,
        tax: 0,
        tax_inclusive: false,
        total,
        refunded_amount: fields.refundedAmount ?? (fields.status === "refunded" ? total : 0),
        subtotal_usd: 898,
        discount_total_usd: 0,
        tax_usd: 0,
        total_usd: 898,
        refunded_amount_usd: 0,
        subtotal_formatted: "PKR 2,500.00",
        discount_total_formatted: "PKR 0.00",
        tax_formatted: "PKR 0.00",
        total_formatted: "PKR 2,500.00",
        refunded_amount_formatted: "PKR 0.00",
        urls: { invoice_url: `https://app.lemonsqueezy.com/my-orders/abc/subscription-invoice/${fields.id}?signature=xyz` },
        created_at: lsTime(fields.createdAt ?? fields.updatedAt),
        updated_at: lsTime(fields.updatedAt),
        test_mode: true,
      },
      relationships: {
        store: { links: { related: `https://api.lemonsqueezy.com/v1/subscription-invoices/${fields.id}/store`, self: "" } },
        subscription: { links: { related: `https://api.lemonsqueezy.com/v1/subscription-invoices/${fields.id}/subscription`, self: "" } },
      },
      links: { self: `https://api.lemonsqueezy.com/v1/subscription-invoices/${fields.id}` },
    },
  };
}

export type OrderFields = { id: string; status: "pending" | "failed" | "paid" | "refunded" | "partial_refund" | "fraudulent"; updatedAt: Date; total?: number };

export function orderEvent(eventName: string, fields: OrderFields, options: Meta = {}) {
  const total = fields.total ?? 250_000;
  return {
    meta: meta(eventName, options),
    data: {
      type: "orders",
      id: fields.id,
      attributes: {
        store_id: 41_234,
        customer_id: 3_300_001,
        identifier: "104e18a2-d755-4d4b-80c4-a6c1dcbe1c10",
        order_number: 1_042,
        user_name: "Bilal Ahmed",
        user_email: "bilal@foodar.local",
        currency: "PKR",
        currency_rate: "0.00359000",
        subtotal: total,
        setup_fee: 0,
        discount_total: 0,
        tax: 0,
        total,
        refunded_amount: fields.status === "refunded" ? total : 0,
        subtotal_usd: 898,
        setup_fee_usd: 0,
        discount_total_usd: 0,
        tax_usd: 0,
        total_usd: 898,
        refunded_amount_usd: 0,
        tax_name: null,
        tax_rate: "0.00",
        tax_inclusive: false,
        status: fields.status,
        status_formatted: fields.status,
        refunded: fields.status === "refunded",
        refunded_at: fields.status === "refunded" ? lsTime(fields.updatedAt) : null,
        subtotal_formatted: "PKR 2,500.00",
        setup_fee_formatted: "PKR 0.00",
        discount_total_formatted: "PKR 0.00",
        tax_formatted: "PKR 0.00",
        total_formatted: "PKR 2,500.00",
        refunded_amount_formatted: "PKR 0.00",
        first_order_item: {
          id: 5_500_001,
          order_id: Number(fields.id),
          product_id: 612_345,
          variant_id: 723_456,
          price_id: 991_234,
          product_name: "Foodar menu",
          variant_name: "Monthly",
          price: total,
          quantity: 1,
          created_at: lsTime(fields.updatedAt),
          updated_at: lsTime(fields.updatedAt),
          test_mode: true,
        },
        urls: { receipt: `https://app.lemonsqueezy.com/my-orders/abc?signature=xyz` },
        created_at: lsTime(fields.updatedAt),
        updated_at: lsTime(fields.updatedAt),
        test_mode: true,
      },
      links: { self: `https://api.lemonsqueezy.com/v1/orders/${fields.id}` },
    },
  };
}
