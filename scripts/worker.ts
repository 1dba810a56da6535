import { ensureLocalSecrets, loadProjectEnv, prepareDatabase } from "./lib/prepare-database";
import { defaultToProduction, refuseEmbeddedDatabaseInProduction, validateEnvironment } from "./lib/production-launch";

// The background jobs in a process of their own (run the app with JOBS_IN_PROCESS=false). Like `npm start` it is a
// production process, with the server's production checks, unless NODE_ENV says otherwise. It uses DATABASE_URL, or
// else the embedded PostgreSQL that `npm run dev` is running (or starts it).
defaultToProduction();
loadProjectEnv(false);
refuseEmbeddedDatabaseInProduction();
const usesEmbedded = !process.env.DATABASE_URL;
// With the embedded database outside production this is a dev machine: share the secrets `npm run dev` generated.
if (usesEmbedded && process.env.NODE_ENV !== "production") ensureLocalSecrets();
// Checked before anything touches DATABASE_URL's database; with the embedded one, once it runs (env.js needs its URL).
if (!usesEmbedded) await validateEnvironment();
const { embedded } = await prepareDatabase({ seed: false });
if (usesEmbedded) await validateEnvironment(() => embedded?.stop());
// Imported only now: env.js reads DATABASE_URL and the secrets when first loaded.
const [{ startJobRunner }, { configuredRunnerOptions }, { logger }] = await Promise.all([
  import("../src/server/jobs/job-runner"),
  import("../src/server/jobs/runner-options"),
  import("../src/server/log/logger"),
]);
const runner = await startJobRunner(configuredRunnerOptions());
// The worker's lines go where the app's do (JSON on stdout), for the same log collector.
logger.info("Job worker running; Ctrl-C to stop");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "Finishing the current job, then stopping");
  try {
    await runner.stop();
  } finally {
    await embedded?.stop();
  }
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
