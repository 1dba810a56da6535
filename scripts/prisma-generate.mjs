// Runs `prisma generate` at install time. Generate never executes Prisma's native schema engine, but the
// CLI insists on downloading it unless PRISMA_SCHEMA_ENGINE_BINARY names a file, and that download host is
// not reachable everywhere we install (offline CI). Pointing it at the running node binary satisfies the check.
import { spawnSync } from "node:child_process";

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  env: {
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...process.env,
  },
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
