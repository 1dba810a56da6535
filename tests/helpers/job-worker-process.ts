// A job worker in a process of its own, for the crash tests: the project's job runner (what `npm run worker` starts)
// against the test's database, with Resend and Supabase pointed at the test's local servers. Run with
// `node --import tsx tests/helpers/job-worker-process.ts`; it prints "ready" when its workers are polling.
//
// Env: DATABASE_URL, FAULT_RESEND_URL (Resend's base URL), FAULT_SUPABASE_URL (optional), FAULT_DATA_DIR.
import path from "node:path";
import { createResendEmailSender } from "~/server/integrations/email/resend-email-sender";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { createLocalModelStorage } from "~/server/integrations/model-storage/local-model-storage";
import { createSupabaseModelStorage } from "~/server/integrations/model-storage/supabase-model-storage";
import { startJobRunner } from "~/server/jobs/job-runner";
import type { FileRemovers } from "~/server/services/files/process-file-deletions";

export const WORKER_RESEND_KEY = "re_worker_crash_key";
export const WORKER_SUPABASE_KEY = "supabase-worker-crash-service-role";
export const WORKER_SUPABASE_BUCKET = "models";
export const WORKER_EMAIL_FROM = "Foodar <hello@foodar.example.com>";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main() {
  const dataDir = required("FAULT_DATA_DIR");
  const supabaseUrl = process.env.FAULT_SUPABASE_URL;
  const removers: FileRemovers = {};
  if (supabaseUrl) {
    const supabase = createSupabaseModelStorage({ url: supabaseUrl, serviceRoleKey: WORKER_SUPABASE_KEY, bucket: WORKER_SUPABASE_BUCKET });
    removers.MODEL_SUPABASE = (key) => supabase.remove([key]);
  }
  const runner = await startJobRunner({
    connectionString: required("DATABASE_URL"),
    removers,
    modelStorage: createLocalModelStorage({ root: path.join(dataDir, "models"), secret: "w".repeat(32) }),
    emailSender: createResendEmailSender({ apiKey: WORKER_RESEND_KEY, from: WORKER_EMAIL_FROM, baseUrl: required("FAULT_RESEND_URL") }),
    usageReporter: createSandboxUsageReporter({ dir: path.join(dataDir, "usage") }),
    modelTimeoutMs: 30_000,
    pollingIntervalSeconds: 0.5,
  });
  process.stdout.write("ready\n");
  process.once("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
}

// Only when run as the process's entry point: the test imports the constants above.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
