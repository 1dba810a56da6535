import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

// `next build` leaves .next/static and public/ out of .next/standalone, expecting a CDN to serve them. Copied beside
// server.js, the standalone server serves them itself (Next's "output: standalone" docs); run after every build.
const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("No .next/standalone/server.js: run `next build` first (next.config.mjs sets output: \"standalone\").");
  process.exit(1);
}
for (const folder of [path.join(".next", "static"), "public"]) {
  const target = path.join(standalone, folder);
  // A previous build's hashed chunks would otherwise pile up beside this build's.
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(root, folder), target, { recursive: true });
}
console.log(`[foodar] .next/static and public copied into ${path.relative(root, standalone)}`);
