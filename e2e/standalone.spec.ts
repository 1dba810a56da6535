import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import config from "../playwright.config";
import { MESHOPT_DECODER_URL } from "../src/lib/model-decoders";

// Next's standalone output, run the way docs/deploy.md says: the build this run's web server was started from,
// prepared by scripts/prepare-standalone.mjs, then `node server.js` on the e2e database. The folder is copied out of
// the project first: from inside it, Node would find any module the trace missed in the project's node_modules.

const webServer = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
const serverEnv = webServer?.env ?? {};
const port = Number(process.env.E2E_PORT ?? 3300) + 3;
const pgPort = Number(process.env.E2E_PG_PORT ?? 54339);
const url = `http://localhost:${port}`;

let folder = "";
let server: ChildProcess | null = null;
let output = "";

test.beforeAll(async () => {
  execFileSync(process.execPath, ["scripts/prepare-standalone.mjs"]);
  folder = mkdtempSync(path.join(tmpdir(), "foodar-standalone-"));
  // Verbatim: the standalone folder links its external packages with relative symlinks, which must stay relative.
  cpSync(path.join(".next", "standalone"), folder, { recursive: true, verbatimSymlinks: true });
  const child = spawn(process.execPath, ["server.js"], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? "",
      ...serverEnv,
      NODE_ENV: "production",
      PORT: String(port),
      // Not 127.0.0.1, on which Clerk's middleware hangs; server.js binds to $HOSTNAME.
      HOSTNAME: "localhost",
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/foodar`,
      // server.js changes into its own folder: a relative data folder would be a new, empty one there.
      FOODAR_DATA_DIR: path.resolve(serverEnv.FOODAR_DATA_DIR ?? ".data"),
    },
  });
  server = child;
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    if (child.exitCode !== null) throw new Error(`the standalone server exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the standalone server did not answer /api/health within 20 s:\n${output}`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server?.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("the standalone server, outside the project, serves the app, its static chunks, public files, decoders and font-drawn files", async ({ request }) => {
  const health = await request.get(`${url}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });

  // A seeded menu: Prisma's query compiler, pg and the cache handler all ran inside the standalone folder.
  const menu = await request.get(`${url}/m/karachi-grill`);
  expect(menu.status()).toBe(200);
  const html = await menu.text();
  for (const dish of ["Seekh Kebab", "Chicken Karahi", "Garlic Naan"]) expect(html).toContain(dish);

  const chunk = /\/_next\/static\/chunks\/[\w.-]+\.js/.exec(html)?.[0];
  expect(chunk).toBeDefined();
  const script = await request.get(`${url}${chunk}`);
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toMatch(/javascript/);

  const robots = await request.get(`${url}/robots.txt`);
  expect(robots.status()).toBe(200);
  const decoder = await request.get(`${url}${MESHOPT_DECODER_URL}`);
  expect(decoder.status()).toBe(200);
  expect(await decoder.text()).toContain("MeshoptDecoder");

  // Both drawn with the Noto fonts, read with fs at run time: only next.config.mjs's outputFileTracingIncludes puts
  // them in the folder for the QR routes.
  const image = await request.get(`${url}/m/karachi-grill/opengraph-image`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  // The menu hands its restaurant's id to the analytics beacon (in the page's data, its quotes escaped).
  const restaurantId = /restaurantId\\?":\\?"([0-9a-f-]{36})/.exec(html)?.[1];
  expect(restaurantId).toBeDefined();
  const signIn = await request.post(`${url}/api/auth/local/sign-in`, { form: { email: "bilal@foodar.local" }, maxRedirects: 0 });
  expect(signIn.status()).toBe(303);
  const cards = await request.get(`${url}/api/qr/${restaurantId}/cards.pdf`);
  expect(cards.status()).toBe(200);
  expect(cards.headers()["content-type"]).toBe("application/pdf");

  expect(output).not.toMatch(/Cannot find module|ENOENT/);
});
