import { signLemonSqueezyBody } from "../../src/server/integrations/lemon-squeezy/signature";
import { invoiceEvent, orderEvent, subscriptionEvent } from "../../tests/helpers/lemon-squeezy-events";

// The deliveries the benchmark sends: for each restaurant, the events of a subscription's busy first month in
// Lemon Squeezy's payload shapes (the test suite's), signed with the webhook secret as Lemon Squeezy signs them.
// After subscription_created, a restaurant's events come in a shuffled order, as Lemon Squeezy does not promise one,
// and a share of the deliveries is sent twice (a retry, a resend). Seeded, so every run sends the same bytes.

export type Delivery = {
  body: string;
  signature: string;
  eventName: string;
  /** Which unique event this is; a duplicate has its original's. */
  event: number;
  duplicate: boolean;
};

export type ExpectedState = {
  /** Unique events (distinct dedupe keys) among the deliveries. */
  uniqueEvents: number;
  /** Per Lemon Squeezy subscription id: the state of its newest event, which the mirror must end in. */
  subscriptions: Map<string, { status: string; updatedAt: Date }>;
  /** Per Lemon Squeezy invoice id: the status of its newest event. */
  invoices: Map<string, string>;
};

const SECOND = 1000;
const DAY = 86_400_000;

/** mulberry32: a small seeded generator, so the shuffle and the duplicates are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

type Event = { eventName: string; payload: object };

/** Ten events of one subscription (its ids derived from `index`), oldest first; the first is always subscription_created. */
function monthOf(restaurantId: string, index: number, base: Date): Event[] {
  const id = String(5_000_000 + index);
  const at = (seconds: number) => new Date(base.getTime() + seconds * SECOND);
  const options = { restaurantId };
  const subscription = (eventName: string, status: "active" | "past_due" | "cancelled", seconds: number, extra: { endsAt?: Date } = {}) => ({
    eventName,
    payload: subscriptionEvent(eventName, { id, status, updatedAt: at(seconds), createdAt: base, orderId: 7_000_000 + index, itemId: 8_000_000 + index, ...extra }, options),
  });
  const invoice = (eventName: string, invoiceId: number, status: "paid" | "pending", seconds: number, billingReason: "initial" | "renewal") => ({
    eventName,
    payload: invoiceEvent(eventName, { id: String(invoiceId), subscriptionId: id, status, updatedAt: at(seconds), createdAt: base, billingReason }, options),
  });
  const first = 6_000_000 + 2 * index;
  return [
    subscription("subscription_created", "active", 0),
    invoice("subscription_payment_success", first, "paid", 1, "initial"),
    { eventName: "order_created", payload: orderEvent("order_created", { id: String(7_000_000 + index), status: "paid", updatedAt: at(1) }, options) },
    subscription("subscription_updated", "active", 2),
    invoice("subscription_payment_failed", first + 1, "pending", 3, "renewal"),
    subscription("subscription_updated", "past_due", 4),
    invoice("subscription_payment_recovered", first + 1, "paid", 5, "renewal"),
    subscription("subscription_updated", "active", 6),
    subscription("subscription_cancelled", "cancelled", 7, { endsAt: new Date(base.getTime() + 20 * DAY) }),
    subscription("subscription_resumed", "active", 8),
  ];
}

export const EVENTS_PER_RESTAURANT = 10;

/**
 * `total` deliveries for the restaurants (EVENTS_PER_RESTAURANT unique events each), of which `duplicateShare`
 * re-send an earlier unique event. The restaurants take turns, so the deliveries in flight at once are mostly of
 * different restaurants, as a store's traffic is; duplicates land anywhere, also in flight with their original.
 */
export function buildDeliveries(options: {
  restaurantIds: string[];
  secret: string;
  base: Date;
  total: number;
  duplicateShare: number;
  seed: number;
  /** Where this batch's Lemon Squeezy ids start, so that two batches (the warm-up and the run) share none. */
  firstId: number;
}) {
  const random = seeded(options.seed);
  const perRestaurant = options.restaurantIds.map((restaurantId, index) => {
    const [created, ...rest] = monthOf(restaurantId, options.firstId + index, options.base);
    return [created as Event, ...shuffle(rest, random)];
  });
  const unique: Event[] = [];
  for (let turn = 0; turn < EVENTS_PER_RESTAURANT; turn++) {
    for (const events of perRestaurant) {
      const event = events[turn];
      if (event) unique.push(event);
    }
  }

  const duplicates = Math.round(options.total * options.duplicateShare);
  if (unique.length + duplicates !== options.total) {
    throw new Error(`${options.restaurantIds.length} restaurants make ${unique.length} unique events; ${options.total} deliveries with ${duplicates} duplicates need ${options.total - duplicates}`);
  }
  const sign = (event: Event, index: number, duplicate: boolean): Delivery => {
    const body = JSON.stringify(event.payload);
    return { body, signature: signLemonSqueezyBody(options.secret, body), eventName: event.eventName, event: index, duplicate };
  };
  const deliveries = unique.map((event, index) => sign(event, index, false));
  for (let i = 0; i < duplicates; i++) {
    const original = Math.floor(random() * unique.length);
    // Anywhere, before or after its original, or in flight with it: the route cannot tell which came first.
    deliveries.splice(Math.floor(random() * (deliveries.length + 1)), 0, sign(unique[original] as Event, original, true));
  }

  const expected: ExpectedState = { uniqueEvents: unique.length, subscriptions: new Map(), invoices: new Map() };
  const newest = new Map<string, { status: string; updatedAt: Date }>();
  for (const event of unique) {
    const data = (event.payload as { data: { type: string; id: string; attributes: { status: string; updated_at: string } } }).data;
    if (data.type === "orders") continue;
    const updatedAt = new Date(data.attributes.updated_at);
    const key = `${data.type}:${data.id}`;
    const known = newest.get(key);
    if (!known || known.updatedAt < updatedAt) newest.set(key, { status: data.attributes.status, updatedAt });
  }
  for (const [key, state] of newest) {
    const [type, id] = key.split(":") as [string, string];
    if (type === "subscriptions") expected.subscriptions.set(id, state);
    else expected.invoices.set(id, state.status);
  }
  return { deliveries, expected };
}
