import { stdSerializers } from "pino";
import { isSecretKey } from "./redact-paths";
import { scrubText } from "./scrub-text";

type SerializedError = ReturnType<typeof stdSerializers.err>;

const MAX_DEPTH = 4;

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = isSecretKey(key) ? "[redacted]" : scrubValue(item, depth + 1);
  return result;
}

/**
 * pino's error serializer (type, message, stack, cause chain, own properties), then every property named like a
 * secret blanked and every string scrubbed: an error thrown by a provider's client may carry the request it made.
 */
export function serializeError(error: unknown): SerializedError | unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? scrubText(error) : error;
  return scrubValue(stdSerializers.err(error), 0);
}
