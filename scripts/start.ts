import { spawn } from "node:child_process";
import { loadProjectEnv, prepareDatabase } from "./lib/prepare-database";
import { defaultToProduction, refuseEmbeddedDatabaseInProduction, validateEnvironment } from "./lib/production-launch";
import { superviseNext } from "./lib/supervise-next";

// Production path: migrations are applied (under an advisory lock, so several instances may start at once)
// before the server takes traffic. Without DATABASE_URL it runs on the embedded PostgreSQL with the demo data, for
// trying a build, and only when DATABASE_MODE=embedded asks for it.
defaultToProduction();
loadProjectEnv(false);
refuseEmbeddedDatabaseInProduction();
const usesEmbedded = !process.env.DATABASE_URL;
// A misconfigured server stops before it migrates anything (Next would check again, after the migrations). With the
// embedded database env.js needs the URL that only exists once it runs: Next's check is then the first.
if (!usesEmbedded) await validateEnvironment();
const { embedded } = await prepareDatabase({ seed: usesEmbedded });
const next = spawn("next", ["start", "--port", process.env.PORT ?? "3000"], { stdio: "inherit", env: process.env, shell: process.platform === "win32" });
await superviseNext(next, embedded);
