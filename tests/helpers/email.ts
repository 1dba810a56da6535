import { setTimeout as sleep } from "node:timers/promises";
import { EmailSendError, type EmailSender, type OutgoingEmail } from "~/server/integrations/email/email-sender";

/**
 * A provider for outbox tests: records what it accepted, and fails the first `failures` calls the way a provider
 * that is down does (retryable), or the way one that refuses the message does (`permanent`).
 */
export function scriptedSender(options: { failures?: number; permanent?: boolean; delayMs?: number } = {}) {
  const accepted: OutgoingEmail[] = [];
  let calls = 0;
  const sender: EmailSender = {
    driver: "local",
    async send(email) {
      calls += 1;
      if (options.delayMs) await sleep(options.delayMs);
      if (calls <= (options.failures ?? 0)) throw new EmailSendError(`provider down (${calls})`, !options.permanent);
      accepted.push(email);
      return { providerMessageId: `provider-${accepted.length}` };
    },
  };
  return { sender, accepted, calls: () => calls };
}
