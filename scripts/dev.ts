import { spawn } from "node:child_process";
import { ensureLocalSecrets, loadProjectEnv, prepareDatabase } from "./lib/prepare-database";
import { superviseNext } from "./lib/supervise-next";

const started = Date.now();
loadProjectEnv(true);
ensureLocalSecrets();
const { embedded } = await prepareDatabase({ seed: true });
const port = process.env.PORT ?? "3000";
console.log(`[foodar] ready to start Next after ${Date.now() - started} ms`);
const next = spawn("next", ["dev", "--port", port], { stdio: "inherit", env: process.env, shell: process.platform === "win32" });
await superviseNext(next, embedded);
