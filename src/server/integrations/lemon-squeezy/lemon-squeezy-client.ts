import { lemonSqueezySetup } from "@lemonsqueezy/lemonsqueezy.js";
import { env } from "~/env.js";

// Not "server-only": `npm run worker` loads the Lemon Squeezy drivers outside Next.

/** What every call to Lemon Squeezy's API needs: the key, and the store and subscription variant checkouts are for. */
export type LemonSqueezyCredentials = { apiKey: string; storeId: string; variantId: string };

/** From the environment; null when no API key is set and the sandbox stands in for Lemon Squeezy. */
export function lemonSqueezyCredentials(): LemonSqueezyCredentials | null {
  const { LEMONSQUEEZY_API_KEY: apiKey, LEMONSQUEEZY_STORE_ID: storeId, LEMONSQUEEZY_VARIANT_ID: variantId } = env;
  if (!apiKey) return null;
  // Env validation requires both with a key; checked again because skipped validation (a build) must not send
  // checkouts for "undefined".
  if (!storeId || !variantId) throw new Error("LEMONSQUEEZY_STORE_ID and LEMONSQUEEZY_VARIANT_ID are required with LEMONSQUEEZY_API_KEY");
  return { apiKey, storeId, variantId };
}

/**
 * Points the SDK at this key. Its configuration is module-wide, so a driver calls this right before each request,
 * with no `await` in between: two requests in flight with different keys (tests) still each send their own.
 */
export function setLemonSqueezyKey(apiKey: string): void {
  lemonSqueezySetup({ apiKey });
}

/** The SDK's answer: it never throws, an HTTP or network failure comes back as `error` with the status, if any. */
export type SdkResult<T> = { statusCode: number | null; data: T | null; error: Error | null };

/** A call Lemon Squeezy did not carry out; `retryable` for no answer, 429 and 5xx. */
export class LemonSqueezyApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "LemonSqueezyApiError";
  }
}

type JsonApiError = { detail?: unknown; title?: unknown; source?: { pointer?: unknown } };

// Lemon Squeezy answers errors as JSON:API `errors: [{ title, detail, source: { pointer } }]`; the SDK puts that
// array in `error.cause`. The detail names what was wrong ("The selected variant is invalid."), so it is kept.
function describeCause(cause: unknown): string {
  if (Array.isArray(cause)) {
    const details = (cause as JsonApiError[])
      .map((item) => {
        const text = typeof item.detail === "string" ? item.detail : typeof item.title === "string" ? item.title : null;
        const pointer = typeof item.source?.pointer === "string" ? ` (${item.source.pointer})` : "";
        return text ? `${text}${pointer}` : null;
      })
      .filter((text): text is string => text !== null);
    if (details.length > 0) return details.join("; ");
  }
  if (typeof cause === "string" && cause !== "unknown cause") return cause;
  return "";
}

/** The SDK's result as its data, or a LemonSqueezyApiError that says what was being done and why it failed. */
export function unwrapLemonSqueezy<T>(result: SdkResult<T>, doing: string): T {
  if (!result.error && result.data !== null) return result.data;
  const status = result.statusCode;
  const why = describeCause(result.error?.cause) || result.error?.message || "no answer";
  const message =
    status === null
      ? `Lemon Squeezy could not be reached while ${doing}: ${why}. Please try again in a minute.`
      : status === 401
        ? `Lemon Squeezy refused the API key while ${doing} (401): check LEMONSQUEEZY_API_KEY.`
        : `Lemon Squeezy refused ${doing} (${status}): ${why}`;
  return throwApiError(message.slice(0, 1000), status);
}

function throwApiError(message: string, status: number | null): never {
  throw new LemonSqueezyApiError(message, status, status === null || status === 429 || status >= 500);
}
