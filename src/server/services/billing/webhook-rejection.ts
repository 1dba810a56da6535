/**
 * An authentic, well-formed event that our data cannot take (an unknown restaurant, a subscription of another
 * restaurant, a second live subscription). Lemon Squeezy's retries would meet the same refusal, so the delivery
 * is acknowledged; the event is kept FAILED with this message, and an admin can re-process it once the data is put
 * right. Any other error is a processing failure: 500, and Lemon Squeezy's retry processes it again.
 */
export class WebhookRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookRejectedError";
  }
}
