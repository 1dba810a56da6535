import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Delivery } from "./deliveries";

// Sends the deliveries as Lemon Squeezy does: one POST per delivery with its X-Signature and X-Event-Name, and a
// delivery answered with anything but 200 sent again (Lemon Squeezy retries 3 times, after about 5, 25 and 125 s;
// here after RETRY_DELAY_MS, so a run takes seconds). `concurrency` deliveries are in flight at any moment.

export type DeliveryResult = {
  delivery: Delivery;
  /** The final answer's status and outcome (processed, ignored, duplicate, rejected), after any retries. */
  status: number;
  outcome: string | null;
  attempts: number;
};

export type SendReport = {
  results: DeliveryResult[];
  /** Every HTTP request's latency, retries included, in milliseconds. */
  latenciesMs: number[];
  wallMs: number;
  /** Requests that failed to connect or were cut off (not an HTTP answer). */
  networkErrors: number;
};

export const MAX_RETRIES = 3;
export const RETRY_DELAY_MS = 250;

export async function sendDeliveries(url: string, deliveries: Delivery[], concurrency: number, maxRetries = MAX_RETRIES): Promise<SendReport> {
  const results: DeliveryResult[] = new Array(deliveries.length);
  const latenciesMs: number[] = [];
  let networkErrors = 0;
  let next = 0;

  async function post(delivery: Delivery): Promise<{ status: number; outcome: string | null }> {
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-event-name": delivery.eventName, "x-signature": delivery.signature },
        body: delivery.body,
      });
      const body = (await response.json().catch(() => null)) as { outcome?: string } | null;
      return { status: response.status, outcome: body?.outcome ?? null };
    } catch {
      networkErrors += 1;
      return { status: 0, outcome: null };
    } finally {
      latenciesMs.push(performance.now() - started);
    }
  }

  async function worker() {
    for (let index = next++; index < deliveries.length; index = next++) {
      const delivery = deliveries[index] as Delivery;
      let attempts = 1;
      let answer = await post(delivery);
      while (answer.status !== 200 && attempts <= maxRetries) {
        await sleep(RETRY_DELAY_MS);
        attempts += 1;
        answer = await post(delivery);
      }
      results[index] = { delivery, ...answer, attempts };
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return { results, latenciesMs, wallMs: performance.now() - started, networkErrors };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
