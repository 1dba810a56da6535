import { emailDriver, env } from "~/env.js";
import type { EmailSender } from "./email-sender";
import { createLocalMailboxSender, localMailboxDir } from "./local-mailbox";
import { createResendEmailSender } from "./resend-email-sender";

// Not "server-only": `npm run worker` loads it outside Next.

/** The local mailbox of this deployment: where the local driver writes and the mailbox page reads. */
export function configuredMailboxDir(): string {
  return localMailboxDir(env.FOODAR_DATA_DIR);
}

/** Resend when RESEND_API_KEY is set (env validation then requires EMAIL_FROM), else the local mailbox. */
export function emailSender(): EmailSender {
  if (emailDriver() === "resend" && env.RESEND_API_KEY && env.EMAIL_FROM) {
    return createResendEmailSender({ apiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM });
  }
  return createLocalMailboxSender({ dir: configuredMailboxDir(), from: env.EMAIL_FROM });
}
