/** A rendered message on its way out; `id` is the outbox row's id. */
export type OutgoingEmail = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The same key for every attempt at the same message, so a provider that saw it once sends it once. */
  idempotencyKey: string;
};

export type EmailSender = {
  driver: "resend" | "local";
  /** Resolves with the provider's id for the message, or throws an EmailSendError. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
};

/**
 * Why a message could not be sent. `retryable` tells the delivery job whether another attempt can succeed (rate
 * limit, provider down, network) or not (the provider refused the message itself: bad address, bad key).
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "EmailSendError";
  }
}
