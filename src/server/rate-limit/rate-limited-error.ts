/** The cause of a tRPC TOO_MANY_REQUESTS: the error formatter puts the wait in `data.retryAfterSeconds`. */
export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}
