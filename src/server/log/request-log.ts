import { randomUUID } from "node:crypto";
import { logger, type Logger } from "./logger";

// What a proxy or load balancer may pass on; anything else (too long, odd characters that could forge log fields
// or headers) is replaced, so an id in our logs is always one we can search for.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** The incoming `x-request-id` when it is well-formed, else a new one. */
export function requestIdOf(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export type RequestLog = { requestId: string; log: Logger };

/** A route handler's request id and its child logger; add userId and restaurantId with `.child()` once known. */
export function requestLog(request: Request, fields: { route: string }): RequestLog {
  const requestId = requestIdOf(request.headers);
  return { requestId, log: logger.child({ requestId, route: fields.route }) };
}
