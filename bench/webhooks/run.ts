import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "../../src/server/db-client";
import {
  buildApp,
  databaseUrlOf,
  gitState,
  loadAverage,
  originOf,
  waitForQuiet,
  replaceBetweenMarkers,
  ROOT,
  serverCpuMs,
  serverEnv,
  startServer,
  stopServer,
  type BenchServer,
  type BenchServerConfig,
} from "../lib/production-server";
import { recordFigures } from "../lib/figures";
import { buildDeliveries, EVENTS_PER_RESTAURANT } from "./deliveries";
import { MAX_RETRIES, percentile, RETRY_DELAY_MS, sendDeliveries } from "./send";
import { verifyEffects } from "./verify";

// The Lemon Squeezy webhook route under load, the way production runs it: `next build`, then `npm start` on its own
// port, embedded PostgreSQL and data directory. 1000 correctly signed deliveries, 20 % of them duplicates, 50 in
// flight at once; then exactly-once is checked by counting rows. The figures go into bench/README.md between the
// webhooks markers, so the committed numbers are the ones this script last measured.
//
//   npm run bench:webhooks                 build, then measure
//   npm run bench:webhooks -- --no-build   reuse the current .next
//   npm run bench:webhooks -- --no-wait    do not wait (up to 10 minutes) for the 1-minute load to drop below 1

const README = path.join(import.meta.dirname, "..", "README.md");
const START = "<!-- webhooks:start -->";
const END = "<!-- webhooks:end -->";

const SERVER: BenchServerConfig = {
  port: 3700,
  pgPort: 54700,
  dataDir: ".data/bench-webhooks",
  // As production runs it beside `npm run worker`: the jobs the events queue (emails, usage reports) wait in
  // PostgreSQL instead of taking CPU from the route being measured.
  env: { JOBS_IN_PROCESS: "false" },
};
const WEBHOOK_PATH = "/api/webhooks/lemon-squeezy";

const DELIVERIES = 1000;
const DUPLICATE_SHARE = 0.2;
const CONCURRENCY = 50;
const RESTAURANTS = (DELIVERIES * (1 - DUPLICATE_SHARE)) / EVENTS_PER_RESTAURANT;
const WARMUP_RESTAURANTS = 5;
const SEED = 20_261_122;
const TARGET_PER_SECOND = 200;
const QUIET_LOAD = 1.0;
const QUIET_WAIT_MAX_MS = 10 * 60_000;

const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;

/** An owner and approved restaurants in their trial, for the events' custom_data.restaurant_id. */
async function createRestaurants(db: Db, prefix: string, count: number, now: Date): Promise<string[]> {
  const email = "bench-webhooks@foodar.local";
  const owner = await db.user.upsert({
    where: { authProvider_authUserId: { authProvider: "LOCAL", authUserId: email } },
    create: { authProvider: "LOCAL", authUserId: email, email, name: "Webhook Bench" },
    update: {},
  });
  const rows = Array.from({ length: count }, (_, index) => ({
    ownerId: owner.id,
    name: `${prefix} ${index + 1}`,
    slug: `${prefix.toLowerCase().replace(/\s+/g, "-")}-${index + 1}`,
    reviewState: "APPROVED" as const,
    submittedAt: now,
    reviewedAt: now,
    trialStartsAt: now,
    trialEndsAt: new Date(now.getTime() + 7 * 86_400_000),
  }));
  const created = await db.restaurant.createManyAndReturn({ data: rows, select: { id: true } });
  return created.map((row) => row.id);
}

async function main() {
  const build = !process.argv.includes("--no-build");
  const wait = !process.argv.includes("--no-wait");
  const tree = gitState();
  const secret = serverEnv(SERVER).LEMONSQUEEZY_WEBHOOK_SECRET ?? "";
  await rm(path.join(ROOT, SERVER.dataDir), { recursive: true, force: true });
  await mkdir(path.join(ROOT, SERVER.dataDir), { recursive: true });

  let server: BenchServer | null = null;
  let db: Db | null = null;
  const cleanUp = async () => {
    await db?.$disconnect();
    db = null;
    if (server) await stopServer(server);
    server = null;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  try {
    if (build) {
      console.log("building (next build)…");
      await buildApp(SERVER);
    }
    console.log(`starting the server on ${originOf(SERVER)} (PostgreSQL on ${SERVER.pgPort}, data in ${SERVER.dataDir})…`);
    server = await startServer(SERVER);
    db = createDb(databaseUrlOf(SERVER));
    const url = `${originOf(SERVER)}${WEBHOOK_PATH}`;
    const now = new Date();
    const base = new Date(now.getTime() - 60 * 60_000);

    // Unmeasured: the route's first requests load its modules and open the database pool.
    const warmupIds = await createRestaurants(db, "Webhook Warmup", WARMUP_RESTAURANTS, now);
    const warmup = buildDeliveries({ restaurantIds: warmupIds, secret, base, total: WARMUP_RESTAURANTS * EVENTS_PER_RESTAURANT, duplicateShare: 0, seed: SEED + 1, firstId: 100_000 });
    await sendDeliveries(url, warmup.deliveries, 10);

    const restaurantIds = await createRestaurants(db, "Webhook Bench", RESTAURANTS, now);
    const { deliveries, expected } = buildDeliveries({ restaurantIds, secret, base, total: DELIVERIES, duplicateShare: DUPLICATE_SHARE, seed: SEED, firstId: 0 });
    const quiet = wait ? await waitForQuiet({ quiet: QUIET_LOAD, maxMs: QUIET_WAIT_MAX_MS, label: "deliveries" }) : { load: loadAverage(), waitedS: 0 };
    const loadBefore = quiet.load;
    console.log(`sending ${deliveries.length} deliveries (${expected.uniqueEvents} unique) for ${restaurantIds.length} restaurants, ${CONCURRENCY} at a time…`);
    const cpuBefore = serverCpuMs(server, SERVER);
    const sent = await sendDeliveries(url, deliveries, CONCURRENCY);
    const cpuAfter = serverCpuMs(server, SERVER);
    const loadAfter = loadAverage();
    const cpu = { next: cpuAfter.next - cpuBefore.next, postgres: cpuAfter.postgres - cpuBefore.postgres };
    // Baseline: the same bodies with a wrong signature of the right length, refused with 401 after the HMAC check
    // and before any database work. Same server, route, body sizes and concurrency, so the gap between the two rates
    // is what the deliveries' own work (the transaction and its effects) costs; no delivery can be faster.
    const forged = deliveries.map((delivery) => ({ ...delivery, signature: "0".repeat(delivery.signature.length) }));
    const refused = await sendDeliveries(url, forged, CONCURRENCY, 0);
    const refusedPerSecond = forged.length / (refused.wallMs / 1000);
    const refusedStatuses = new Set(refused.results.map((result) => result.status));
    if (refusedStatuses.size !== 1 || !refusedStatuses.has(401)) throw new Error(`Forged deliveries were answered ${[...refusedStatuses].join(", ")}, not only 401.`);
    const loadAfterBaseline = loadAverage();

    const checks = await verifyEffects(db, restaurantIds, expected, sent.results);
    const perSecond = deliveries.length / (sent.wallMs / 1000);
    const retried = sent.results.filter((result) => result.attempts > 1);
    const statuses = new Map<number, number>();
    for (const result of sent.results) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    const outcomes = new Map<string, number>();
    for (const result of sent.results) outcomes.set(result.outcome ?? "(none)", (outcomes.get(result.outcome ?? "(none)") ?? 0) + 1);
    const counted = (map: Map<string | number, number>) => [...map].map(([key, count]) => `${key} ${count}`).join(", ");
    const allPass = checks.every((result) => result.pass);
    const busy = loadBefore > QUIET_LOAD;

    const results = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), ` +
        `Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; ${tree}.`,
      `1-minute load average: ${loadBefore.toFixed(2)} before the deliveries` +
        `${quiet.waitedS > 0 ? ` (after waiting ${Math.round(quiet.waitedS / 60)} min for a quieter machine)` : ""}, ${loadAfter.toFixed(2)} after.` +
        (busy ? ` **The machine was busy** (above ${QUIET_LOAD} on 2 cores): other work took CPU from these figures.` : ""),
      "",
      "| Metric | Target | Measured | Result |",
      "| --- | --- | --- | --- |",
      `| Deliveries per second (${deliveries.length} in ${(sent.wallMs / 1000).toFixed(2)} s, ${CONCURRENCY} in flight) | ≥ ${TARGET_PER_SECOND} | ${Math.round(perSecond)} | ${perSecond >= TARGET_PER_SECOND ? "PASS" : "MISS"} |`,
      `| Exactly-once checks (below) | all | ${checks.filter((result) => result.pass).length} of ${checks.length} | ${allPass ? "PASS" : "FAIL"} |`,
      "",
      `Latency of each request (${sent.latenciesMs.length} requests): p50 ${ms(percentile(sent.latenciesMs, 50))}, ` +
        `p90 ${ms(percentile(sent.latenciesMs, 90))}, p99 ${ms(percentile(sent.latenciesMs, 99))}, max ${ms(Math.max(...sent.latenciesMs))}.`,
      `Baseline in the same run: the same ${forged.length} bodies with a forged signature, ${CONCURRENCY} in flight, refused with 401 ` +
        `after the signature check and before any database work: ${Math.round(refusedPerSecond)} a second ` +
        `(p50 ${ms(percentile(refused.latenciesMs, 50))}, p99 ${ms(percentile(refused.latenciesMs, 99))}); ` +
        `the deliveries ran at ${Math.round((perSecond / refusedPerSecond) * 100)} % of that rate. Load after the baseline: ${loadAfterBaseline.toFixed(2)}.`,
      `CPU used during the deliveries: Next ${(cpu.next / 1000).toFixed(2)} s (${(cpu.next / deliveries.length).toFixed(1)} ms a delivery, ` +
        `${(cpu.next / sent.wallMs).toFixed(2)} of a core on average; Node runs the route on one), PostgreSQL ${(cpu.postgres / 1000).toFixed(2)} s ` +
        `(${(cpu.postgres / deliveries.length).toFixed(1)} ms a delivery).`,
      `Final answers: ${counted(statuses)}; outcomes: ${counted(outcomes)}. Deliveries retried (a payment event that arrived before ` +
        `its subscription answers 500 until it is there): ${retried.length}, ${sent.results.reduce((sum, result) => sum + result.attempts - 1, 0)} retries ` +
        `(at most ${MAX_RETRIES} each, ${RETRY_DELAY_MS} ms apart); network errors: ${sent.networkErrors}.`,
      "",
      "| Exactly-once check (rows counted after the run) | Expected | Found | Result |",
      "| --- | --- | --- | --- |",
      ...checks.map((result) => `| ${result.what} | ${result.expected} | ${result.found} | ${result.pass ? "PASS" : "FAIL"} |`),
    ].join("\n");

    await writeFile(README, replaceBetweenMarkers(await readFile(README, "utf8"), START, END, results));
    console.log(results);
    const refusals = (value: number) => ({ what: "the same bodies with a forged signature, refused with 401", value });
    recordFigures({
      bench: "webhooks",
      load: { before: loadBefore, after: loadAfterBaseline },
      figures: [
        { metric: `Webhook deliveries (${CONCURRENCY} in flight)`, unit: "/s", target: `≥ ${TARGET_PER_SECOND} /s`, measured: perSecond, baseline: refusals(refusedPerSecond), pass: perSecond >= TARGET_PER_SECOND },
        { metric: "Webhook p99 latency", unit: "ms", target: "—", measured: percentile(sent.latenciesMs, 99), baseline: refusals(percentile(refused.latenciesMs, 99)), pass: null },
        { metric: "Webhook exactly-once checks passed", unit: "", target: `all ${checks.length}`, measured: checks.filter((result) => result.pass).length, baseline: null, pass: allPass },
      ],
    });
    if (!allPass) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

await main();
