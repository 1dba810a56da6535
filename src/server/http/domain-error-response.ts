import { DomainError, PaymentRequiredError, type DomainErrorKind } from "~/server/errors";

// The REST routes' counterpart of the tRPC mapping in api/trpc.ts: a domain error as a status and a JSON body.

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  NOT_FOUND: 404,
  INVALID_STATE: 423,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  PAYMENT_REQUIRED: 402,
};

const NO_STORE = { "Cache-Control": "no-store" };

export function errorResponse(status: number, error: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: NO_STORE });
}

/** 402 answers carry `billingPath`, where the owner can pay, so the uploader can link to it. */
export function domainErrorResponse(error: DomainError): Response {
  const extra: Record<string, string> = error instanceof PaymentRequiredError ? { billingPath: error.billingPath } : {};
  return errorResponse(DOMAIN_STATUS[error.kind], error.message, extra);
}
