import { spawn } from "node:child_process";
import { loadProjectEnv, prepareDatabase } from "./lib/prepare-database";
import { superviseNext } from "./lib/supervise-next";

// Production path: migrations are applied (under an advisory lock, so several instances may start at once)
// before the server takes traffic. Without DATABASE_URL it runs on the embedded PostgreSQL, for trying a build.
loadProjectEnv(false);
const usesEmbedded = !process.env.DATABASE_URL;
const { embedded } = await prepareDatabase({ seed: usesEmbedded });
const next = spawn("next", ["start", "--port", process.env.PORT ?? "3000"], { stdio: "inherit", env: process.env, shell: process.platform === "win32" });
await superviseNext(next, embedded);
