import { env } from "~/env.js";
import { emailSender } from "~/server/integrations/email/configured-email-sender";
import { usageReporter } from "~/server/integrations/lemon-squeezy/configured-usage-reporter";
import { modelStorage } from "~/server/integrations/model-storage/configured-model-storage";
import { fileRemovers } from "./file-removers";

/** The job runner as this deployment's environment configures it, for the app process and `npm run worker`. */
export function configuredRunnerOptions() {
  return {
    connectionString: env.DATABASE_URL,
    removers: fileRemovers(),
    modelStorage: modelStorage(),
    emailSender: emailSender(),
    usageReporter: usageReporter(),
    modelTimeoutMs: env.MODEL_OPTIMIZE_TIMEOUT_SECONDS * 1000,
  };
}
