import { env, lemonSqueezyWebhookSecret } from "~/env.js";
import { invalidState } from "~/server/errors";
import { signLemonSqueezyBody } from "~/server/integrations/lemon-squeezy/signature";
import type { SandboxEvent } from "./sandbox-payloads";

export const WEBHOOK_PATH = "/api/webhooks/lemon-squeezy";

// Lemon Squeezy retries a delivery that did not get a 200 (3 more times, over minutes); the sandbox retries at once,
// a little apart, so that the owner waiting on the page sees the outcome. The webhook deduplicates, so a retry of a
// delivery that did arrive changes nothing.
const RETRY_DELAYS_MS = [250, 1000];
const TIMEOUT_MS = 30_000;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * Where the sandbox posts its webhooks: this app's own route. With SITE_URL that is the site; without it the origin
 * of the request must be this machine, so that a forged Host header cannot make the server post signed bodies to
 * another host.
 */
export function sandboxWebhookUrl(origin: string): string {
  if (env.SITE_URL) return new URL(WEBHOOK_PATH, env.SITE_URL).toString();
  const url = new URL(origin);
  if (!LOOPBACK.test(url.hostname)) {
    throw invalidState(`The billing sandbox sends its webhooks only to this app: set SITE_URL to the address it is served on (here ${url.origin}).`);
  }
  return new URL(WEBHOOK_PATH, url.origin).toString();
}

export type SandboxDelivery = (event: SandboxEvent) => Promise<void>;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function describeRefusal(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // Not JSON: the text itself says more than nothing.
  }
  return text.slice(0, 200) || response.statusText;
}

/**
 * Posts each event as Lemon Squeezy does: the raw JSON body, `X-Event-Name`, and `X-Signature`, the hex HMAC-SHA256
 * of the body with the webhook secret the route verifies with. Anything but a 200 is retried, then reported.
 */
export function createSandboxDelivery(url: string, secret: string = lemonSqueezyWebhookSecret()): SandboxDelivery {
  return async (event) => {
    let failure = "";
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
      if (attempt > 0) await wait(RETRY_DELAYS_MS[attempt - 1] ?? 0);
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-event-name": event.eventName,
            "x-signature": signLemonSqueezyBody(secret, event.body),
          },
          body: event.body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (response.status === 200) {
          await response.body?.cancel();
          return;
        }
        failure = `answered ${response.status}: ${await describeRefusal(response)}`;
        // A signature or shape refusal will not change on a retry.
        if (response.status >= 400 && response.status < 500) break;
      } catch (error) {
        failure = `could not be reached: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    throw invalidState(`The sandbox's ${event.eventName} webhook to ${url} ${failure}`);
  };
}
