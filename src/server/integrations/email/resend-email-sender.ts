import { Resend } from "resend";
import { EmailSendError, type EmailSender } from "./email-sender";

export const RESEND_API_URL = "https://api.resend.com";

type ResendOptions = {
  apiKey: string;
  from: string;
  /** Only for tests, which point the driver at a local server; production always talks to Resend. */
  baseUrl?: string;
  /** How long one request may take before it counts as a network failure and is retried. */
  timeoutMs?: number;
};

// 429 (rate limit or quota), 5xx and no answer at all (network error, timeout) may pass on another attempt; any other
// 4xx is about the message or the account and fails the same way every time. Resend answers 409
// concurrent_idempotent_requests while another request with the same key is in flight: asking again later returns
// that request's result.
function isRetryable(error: { name: string; statusCode: number | null }): boolean {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  if (status === null) return true;
  return status === 429 || status >= 500 || error.name === "concurrent_idempotent_requests";
}

/**
 * Sends through Resend's `POST /emails` with the official SDK. The client is built per driver, never at module
 * scope: its constructor throws without a key. The base URL is always passed, so the SDK's own RESEND_BASE_URL
 * variable cannot redirect mail.
 */
export function createResendEmailSender(options: ResendOptions): EmailSender {
  const resend = new Resend(options.apiKey, { baseUrl: options.baseUrl ?? RESEND_API_URL, userAgent: "foodar" });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    driver: "resend",
    async send(email) {
      const { data, error } = await resend.emails.send(
        { from: options.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) {
        const status = error.statusCode ?? "no response";
        throw new EmailSendError(`Resend refused the message (${status} ${error.name}): ${error.message}`, isRetryable(error));
      }
      return { providerMessageId: data.id };
    },
  };
}
