// Business rules throw these; the tRPC layer maps them to protocol codes in one place (api/trpc.ts), so
// services stay free of transport concerns and are testable on their own.
export type DomainErrorKind = "NOT_FOUND" | "CONFLICT" | "INVALID_STATE" | "FORBIDDEN" | "INVALID_INPUT" | "PAYMENT_REQUIRED";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** The restaurant's access has run out and the action needs a plan; `billingPath` is where the owner pays. */
export class PaymentRequiredError extends DomainError {
  constructor(
    message: string,
    readonly billingPath: string,
  ) {
    super("PAYMENT_REQUIRED", message);
    this.name = "PaymentRequiredError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const conflict = (message: string, fieldErrors?: Record<string, string[]>) =>
  new DomainError("CONFLICT", message, fieldErrors);
export const invalidState = (message: string) => new DomainError("INVALID_STATE", message);
export const invalidInput = (message: string, fieldErrors?: Record<string, string[]>) =>
  new DomainError("INVALID_INPUT", message, fieldErrors);
