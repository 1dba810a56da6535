import type { SandboxInvoice, SandboxSubscription } from "~/generated/prisma/client";
import { formatPrice } from "~/lib/money";
import { SANDBOX_STORE, sandboxPaymentMethodPath, sandboxSubscriptionPath, vendorTime } from "./sandbox-store";

// Webhook bodies exactly as Lemon Squeezy shapes them (docs.lemonsqueezy.com: webhooks; the subscription,
// subscription-invoice and order objects): `meta` with the event name and the checkout's custom data, and one JSON:API
// resource in `data` with every snake_case attribute a real delivery carries, not only those our webhook reads.

export type SandboxEvent = { eventName: string; body: string };

const API = "https://api.lemonsqueezy.com/v1";

function meta(eventName: string, customData: unknown) {
  return { test_mode: true, event_name: eventName, webhook_id: "00000000-0000-4000-8000-000000000001", custom_data: customData };
}

const statusFormatted = (status: string) => status.replace("_", " ").replace(/^./, (first) => first.toUpperCase());
const formatted = (minor: number, currency: string) => `${currency} ${formatPrice(minor, currency, "en").replace(/^[^\d-]+/, "")}`;

export function subscriptionPayload(eventName: string, subscription: SandboxSubscription, origin: string): SandboxEvent {
  const id = String(subscription.id);
  const updatedAt = vendorTime(subscription.vendorUpdatedAt);
  const createdAt = vendorTime(subscription.createdAt);
  const body = {
    meta: meta(eventName, subscription.customData),
    data: {
      type: "subscriptions",
      id,
      attributes: {
        store_id: SANDBOX_STORE.storeId,
        customer_id: subscription.customerId,
        order_id: subscription.orderId,
        order_item_id: subscription.orderId,
        product_id: SANDBOX_STORE.productId,
        variant_id: SANDBOX_STORE.variantId,
        product_name: SANDBOX_STORE.productName,
        variant_name: SANDBOX_STORE.variantName,
        user_name: subscription.name ?? subscription.email,
        user_email: subscription.email,
        status: subscription.status,
        status_formatted: statusFormatted(subscription.status),
        card_brand: subscription.cardBrand,
        card_last_four: subscription.cardLastFour,
        payment_processor: "stripe",
        pause: null,
        cancelled: subscription.status === "cancelled",
        trial_ends_at: null,
        billing_anchor: subscription.createdAt.getUTCDate(),
        first_subscription_item: {
          id: subscription.itemId,
          subscription_id: subscription.id,
          price_id: SANDBOX_STORE.priceId,
          quantity: 1,
          is_usage_based: true,
          created_at: createdAt,
          updated_at: updatedAt,
        },
        urls: {
          update_payment_method: new URL(sandboxPaymentMethodPath(subscription.id), origin).toString(),
          customer_portal: new URL(sandboxSubscriptionPath(subscription.id), origin).toString(),
          customer_portal_update_subscription: new URL(sandboxSubscriptionPath(subscription.id), origin).toString(),
        },
        renews_at: subscription.renewsAt ? vendorTime(subscription.renewsAt) : null,
        ends_at: subscription.endsAt ? vendorTime(subscription.endsAt) : null,
        created_at: createdAt,
        updated_at: updatedAt,
        test_mode: true,
      },
      relationships: {
        store: { links: { related: `${API}/subscriptions/${id}/store`, self: `${API}/subscriptions/${id}/relationships/store` } },
        customer: { links: { related: `${API}/subscriptions/${id}/customer`, self: `${API}/subscriptions/${id}/relationships/customer` } },
      },
      links: { self: `${API}/subscriptions/${id}` },
    },
  };
  return { eventName, body: JSON.stringify(body) };
}

export function invoicePayload(eventName: string, invoice: SandboxInvoice, subscription: SandboxSubscription, origin: string): SandboxEvent {
  const id = String(invoice.id);
  const refunded = invoice.status === "refunded";
  const money = (minor: number) => formatted(minor, invoice.currency);
  const body = {
    meta: meta(eventName, subscription.customData),
    data: {
      type: "subscription-invoices",
      id,
      attributes: {
        store_id: SANDBOX_STORE.storeId,
        subscription_id: subscription.id,
        customer_id: subscription.customerId,
        user_name: subscription.name ?? subscription.email,
        user_email: subscription.email,
        billing_reason: invoice.billingReason,
        card_brand: subscription.cardBrand,
        card_last_four: subscription.cardLastFour,
        currency: invoice.currency,
        currency_rate: "1.00000000",
        status: invoice.status,
        status_formatted: statusFormatted(invoice.status),
        refunded,
        refunded_at: refunded ? vendorTime(invoice.vendorUpdatedAt) : null,
        subtotal: invoice.totalMinor,
        discount_total: 0,
        tax: 0,
        tax_inclusive: false,
        total: invoice.totalMinor,
        refunded_amount: refunded ? invoice.totalMinor : 0,
        subtotal_usd: 0,
        discount_total_usd: 0,
        tax_usd: 0,
        total_usd: 0,
        refunded_amount_usd: 0,
        subtotal_formatted: money(invoice.totalMinor),
        discount_total_formatted: money(0),
        tax_formatted: money(0),
        total_formatted: money(invoice.totalMinor),
        refunded_amount_formatted: money(refunded ? invoice.totalMinor : 0),
        urls: { invoice_url: new URL(`${sandboxSubscriptionPath(subscription.id)}#invoice-${invoice.id}`, origin).toString() },
        created_at: vendorTime(invoice.createdAt),
        updated_at: vendorTime(invoice.vendorUpdatedAt),
        test_mode: true,
      },
      relationships: {
        store: { links: { related: `${API}/subscription-invoices/${id}/store`, self: `${API}/subscription-invoices/${id}/relationships/store` } },
        subscription: { links: { related: `${API}/subscription-invoices/${id}/subscription`, self: `${API}/subscription-invoices/${id}/relationships/subscription` } },
      },
      links: { self: `${API}/subscription-invoices/${id}` },
    },
  };
  return { eventName, body: JSON.stringify(body) };
}

/** The checkout's order: its first payment, sent before the subscription it creates. */
export function orderPayload(subscription: SandboxSubscription, firstInvoice: SandboxInvoice, origin: string): SandboxEvent {
  const id = String(subscription.orderId);
  const total = firstInvoice.totalMinor;
  const money = (minor: number) => formatted(minor, firstInvoice.currency);
  const createdAt = vendorTime(firstInvoice.createdAt);
  const body = {
    meta: meta("order_created", subscription.customData),
    data: {
      type: "orders",
      id,
      attributes: {
        store_id: SANDBOX_STORE.storeId,
        customer_id: subscription.customerId,
        identifier: subscription.checkoutId,
        order_number: subscription.orderId,
        user_name: subscription.name ?? subscription.email,
        user_email: subscription.email,
        currency: firstInvoice.currency,
        currency_rate: "1.00000000",
        subtotal: total,
        setup_fee: 0,
        discount_total: 0,
        tax: 0,
        total,
        refunded_amount: 0,
        subtotal_usd: 0,
        setup_fee_usd: 0,
        discount_total_usd: 0,
        tax_usd: 0,
        total_usd: 0,
        refunded_amount_usd: 0,
        tax_name: null,
        tax_rate: "0.00",
        tax_inclusive: false,
        status: "paid",
        status_formatted: "Paid",
        refunded: false,
        refunded_at: null,
        subtotal_formatted: money(total),
        setup_fee_formatted: money(0),
        discount_total_formatted: money(0),
        tax_formatted: money(0),
        total_formatted: money(total),
        refunded_amount_formatted: money(0),
        first_order_item: {
          id: subscription.orderId,
          order_id: subscription.orderId,
          product_id: SANDBOX_STORE.productId,
          variant_id: SANDBOX_STORE.variantId,
          price_id: SANDBOX_STORE.priceId,
          product_name: SANDBOX_STORE.productName,
          variant_name: SANDBOX_STORE.variantName,
          price: total,
          quantity: 1,
          created_at: createdAt,
          updated_at: createdAt,
          test_mode: true,
        },
        urls: { receipt: new URL(sandboxSubscriptionPath(subscription.id), origin).toString() },
        created_at: createdAt,
        updated_at: createdAt,
        test_mode: true,
      },
      relationships: {
        store: { links: { related: `${API}/orders/${id}/store`, self: `${API}/orders/${id}/relationships/store` } },
        customer: { links: { related: `${API}/orders/${id}/customer`, self: `${API}/orders/${id}/relationships/customer` } },
      },
      links: { self: `${API}/orders/${id}` },
    },
  };
  return { eventName: "order_created", body: JSON.stringify(body) };
}
