import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { LOCAL_SESSION_COOKIE, signLocalSession } from "../../src/server/auth/local-session-cookie";
import { createDb } from "../../src/server/db-client";
import { recordFigures } from "../lib/figures";
import {
  buildApp,
  databaseUrlOf,
  gitState,
  loadAverage,
  originOf,
  replaceBetweenMarkers,
  ROOT,
  serverCpuMs,
  serverEnv,
  startServer,
  stopServer,
  waitForQuiet,
  type BenchServer,
  type BenchServerConfig,
} from "../lib/production-server";
import { rawRead, type RawReadInput } from "./raw-read";
import { PRODUCTS, seedOwnerWithLargeMenu } from "./seed";
import { enableStatementStats, readStatementStats, resetStatementStats, type CountedStatement } from "./statements";
import { percentile } from "../webhooks/send";

// The owner dashboard's product list (`menu.products.list`, what the menu editor asks for) on a restaurant of 500
// products, the way production runs it: `next build`, then `npm start` on its own port and embedded PostgreSQL.
// Counts the SQL statements each request sends (pg_stat_statements), then measures latency and requests/s over
// HTTP as a signed-in owner, against the same read done with raw `pg` in the same run. The figures go into
// bench/README.md between the dashboard-list markers.
//
//   npm run bench:dashboard                 build, then measure
//   npm run bench:dashboard -- --no-build   reuse the current .next
//   npm run bench:dashboard -- --no-wait    do not wait (up to 10 minutes) for the 1-minute load to drop below 1

const README = path.join(import.meta.dirname, "..", "README.md");
const START = "<!-- dashboard-list:start -->";
const END = "<!-- dashboard-list:end -->";

const SERVER: BenchServerConfig = {
  port: 3800,
  pgPort: 54800,
  dataDir: ".data/bench-dashboard",
  // No pg-boss polling in the server: every statement counted is the requests'.
  env: { JOBS_IN_PROCESS: "false" },
};
const ORIGIN = originOf(SERVER);
// The menu editor's page size (src/components/menu/products-panel.tsx).
const PAGE_SIZE = 50;
const COUNTED_REQUESTS = 20;
// The server's Prisma pool holds 10 connections (pg's default), and so does the baseline's.
const CONNECTIONS = 10;
const LOAD_SECONDS = 10;
const WARMUP_SECONDS = 3;
const LOAD_ORDER = ["raw", "http", "http", "raw"] as const;
const TARGET_DATA_QUERIES = 3;
const QUIET_LOAD = 1.0;
const QUIET_WAIT_MAX_MS = 10 * 60_000;

type ListPage = { items: Array<{ id: string }>; nextCursor?: string };

function listUrl(input: { restaurantId: string; cursor?: string }): string {
  const json = { ...input, limit: PAGE_SIZE, direction: "forward" };
  return `${ORIGIN}/api/trpc/menu.products.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json } }))}`;
}

async function getList(url: string, cookie: string): Promise<ListPage> {
  const response = await fetch(url, { headers: { cookie } });
  const body = (await response.json()) as Array<{ result?: { data?: { json?: ListPage } } }>;
  const page = body[0]?.result?.data?.json;
  if (response.status !== 200 || !page) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return page;
}

type Counted = { statements: CountedStatement[]; data: number; context: number };

/** Sends `COUNTED_REQUESTS` requests one after the other and divides what PostgreSQL executed meanwhile by them. */
async function countStatements(stats: pg.Client, url: string, cookie: string): Promise<Counted> {
  await resetStatementStats(stats);
  for (let request = 0; request < COUNTED_REQUESTS; request++) await getList(url, cookie);
  const statements = (await readStatementStats(stats)).map((statement) => ({ ...statement, calls: statement.calls / COUNTED_REQUESTS }));
  const sum = (kind: CountedStatement["kind"]) => statements.filter((statement) => statement.kind === kind).reduce((total, statement) => total + statement.calls, 0);
  return { statements, data: sum("data"), context: sum("context") };
}

type LoadRun = {
  side: (typeof LOAD_ORDER)[number];
  requests: number;
  requestsPerS: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU time the server's Next process used during the round, in ms. */
  nextCpu: number;
};

async function httpLoad(url: string, cookie: string, seconds: number): Promise<LoadRun> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
  return {
    side: "http",
    requests: result.requests.total,
    nextCpu: 0,
    requestsPerS: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.non2xx,
  };
}

/** `CONNECTIONS` callers doing the raw read back to back for `seconds`, as autocannon's connections do. */
async function rawLoad(pool: pg.Pool, input: RawReadInput, seconds: number): Promise<LoadRun> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const begun = performance.now();
      try {
        await rawRead(pool, input);
        latencies.push(performance.now() - begun);
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, caller));
  const wallS = (performance.now() - started) / 1000;
  return { side: "raw", requests: latencies.length, nextCpu: 0, requestsPerS: latencies.length / wallS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en")} ms`;
const perRequest = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
const oneLine = (query: string, max = 140) => {
  const flat = query.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

async function main() {
  const build = !process.argv.includes("--no-build");
  const wait = !process.argv.includes("--no-wait");
  const tree = gitState();
  const url = databaseUrlOf(SERVER);
  await rm(path.join(ROOT, SERVER.dataDir), { recursive: true, force: true });
  await mkdir(path.join(ROOT, SERVER.dataDir), { recursive: true });

  let server: BenchServer | null = null;
  let stats: pg.Client | null = null;
  let pool: pg.Pool | null = null;
  const cleanUp = async () => {
    await stats?.end().catch(() => {});
    stats = null;
    await pool?.end().catch(() => {});
    pool = null;
    if (server) await stopServer(server);
    server = null;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  try {
    if (build) {
      console.log("building (next build)…");
      await buildApp(SERVER);
    }
    console.log(`starting the server on ${ORIGIN} (PostgreSQL on ${SERVER.pgPort}, data in ${SERVER.dataDir})…`);
    server = await startServer(SERVER);
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await enableStatementStats(setup);
    await setup.end();
    console.log("restarting it with pg_stat_statements preloaded…");
    await stopServer(server);
    server = await startServer(SERVER);

    const db = createDb(url);
    const seeded = await seedOwnerWithLargeMenu(db, new Date()).finally(() => db.$disconnect());
    const secret = serverEnv(SERVER).AUTH_SECRET ?? "";
    const cookie = `${LOCAL_SESSION_COOKIE}=${await signLocalSession(seeded.userId, secret)}`;
    const firstUrl = listUrl({ restaurantId: seeded.restaurantId });
    const first = await getList(firstUrl, cookie);
    if (first.items.length !== PAGE_SIZE || !first.nextCursor) throw new Error(`The first page has ${first.items.length} products and cursor ${first.nextCursor}.`);
    const laterUrl = listUrl({ restaurantId: seeded.restaurantId, cursor: first.nextCursor });
    const later = await getList(laterUrl, cookie);
    if (later.items.length !== PAGE_SIZE) throw new Error(`The second page has ${later.items.length} products.`);

    pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
    const rawInput: RawReadInput = { userId: seeded.userId, restaurantId: seeded.restaurantId, limit: PAGE_SIZE };
    const rawIds = await rawRead(pool, rawInput);
    if (rawIds.join() !== first.items.map((item) => item.id).join()) throw new Error("The raw read does not return the procedure's first page.");

    // Unmeasured: the route's first requests load its modules and fill the pool.
    for (let request = 0; request < 20; request++) await Promise.all([getList(firstUrl, cookie), getList(laterUrl, cookie)]);
    stats = new pg.Client({ connectionString: url });
    await stats.connect();
    const counts = { first: await countStatements(stats, firstUrl, cookie), later: await countStatements(stats, laterUrl, cookie) };
    console.log(`statements per request: first page ${counts.first.data} data + ${counts.first.context} context, later page ${counts.later.data} + ${counts.later.context}`);

    const quiet = wait ? await waitForQuiet({ quiet: QUIET_LOAD, maxMs: QUIET_WAIT_MAX_MS, label: "latency" }) : { load: loadAverage(), waitedS: 0 };
    await rawLoad(pool, rawInput, WARMUP_SECONDS);
    await httpLoad(firstUrl, cookie, WARMUP_SECONDS);
    const runs: LoadRun[] = [];
    for (const side of LOAD_ORDER) {
      const cpuBefore = serverCpuMs(server, SERVER);
      const result = side === "raw" ? await rawLoad(pool, rawInput, LOAD_SECONDS) : await httpLoad(firstUrl, cookie, LOAD_SECONDS);
      const cpuAfter = serverCpuMs(server, SERVER);
      runs.push({ ...result, nextCpu: cpuAfter.next - cpuBefore.next });
      console.log(`${side}: ${Math.round(result.requestsPerS)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, failed ${result.failed}`);
    }
    const loadAfter = loadAverage();
    const side = (name: LoadRun["side"]) => {
      const of = runs.filter((run) => run.side === name);
      const mean = (pick: (run: LoadRun) => number) => of.reduce((total, run) => total + pick(run), 0) / of.length;
      const total = (pick: (run: LoadRun) => number) => of.reduce((sum, run) => sum + pick(run), 0);
      return {
        requestsPerS: mean((run) => run.requestsPerS),
        p50: mean((run) => run.p50),
        p99: Math.max(...of.map((run) => run.p99)),
        failed: total((run) => run.failed),
        // What each request cost the server's Next process in CPU, whatever else ran. PostgreSQL's side is not
        // split the same way: its backends come and go with the pools' idle timeouts, taking their CPU time along;
        // the statements' own times are in the pg_stat_statements tables.
        nextCpu: total((run) => run.nextCpu) / total((run) => run.requests),
      };
    };
    const http = side("http");
    const raw = side("raw");
    const worst = Math.max(counts.first.data, counts.later.data);
    const busy = quiet.load > QUIET_LOAD;

    const statementRows = (counted: Counted) =>
      counted.statements.map((statement) => `| ${statement.kind} | ${perRequest(statement.calls)} | ${statement.meanMs.toFixed(2)} ms | \`${oneLine(statement.query).replace(/\|/g, "\\|")}\` |`);
    const results = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), ` +
        `Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; ${tree}.`,
      `1-minute load average: ${quiet.load.toFixed(2)} before the latency rounds` +
        `${quiet.waitedS > 0 ? ` (after waiting ${Math.round(quiet.waitedS / 60)} min for a quieter machine)` : ""}, ${loadAfter.toFixed(2)} after.` +
        (busy ? ` **The machine was busy** (above ${QUIET_LOAD} on 2 cores): other work took CPU from the latency figures (not from the counts).` : ""),
      "",
      `Restaurant: ${PRODUCTS} products in 8 categories, ${seeded.media} media rows, ${seeded.models} 3D models. Request: ` +
        `\`GET /api/trpc/menu.products.list\` with \`limit: ${PAGE_SIZE}\` (the menu editor's page) as the signed-in owner (local session cookie).`,
      "",
      "| Metric | Target | Measured | Baseline: raw `pg`, same read | Result |",
      "| --- | --- | --- | --- | --- |",
      `| Data queries per request, first page | ≤ ${TARGET_DATA_QUERIES} | ${perRequest(counts.first.data)} | 3 | ${counts.first.data <= TARGET_DATA_QUERIES ? "PASS" : "MISS"} |`,
      `| Data queries per request, a later page (cursor) | ≤ ${TARGET_DATA_QUERIES} | ${perRequest(counts.later.data)} | — | ${counts.later.data <= TARGET_DATA_QUERIES ? "PASS" : "MISS"} |`,
      `| Context statements per request (transactions, \`set_config\`), first page | — | ${perRequest(counts.first.context)} | 0 | — |`,
      `| Requests/s (${CONNECTIONS} connections) | — | ${Math.round(http.requestsPerS).toLocaleString("en")} | ${Math.round(raw.requestsPerS).toLocaleString("en")} | — |`,
      `| p50 latency | — | ${ms(http.p50)} | ${ms(raw.p50)} | — |`,
      `| p99 latency | — | ${ms(http.p99)} | ${ms(raw.p99)} | — |`,
      "",
      `Statements counted by PostgreSQL's pg_stat_statements over ${COUNTED_REQUESTS} requests sent one at a time, per request ` +
        `(mean execution time inside PostgreSQL beside each), first page:`,
      "",
      "| Kind | Per request | Mean time | Statement |",
      "| --- | --- | --- | --- |",
      ...statementRows(counts.first),
      "",
      "A later page (`cursor` = the first page's `nextCursor`):",
      "",
      "| Kind | Per request | Mean time | Statement |",
      "| --- | --- | --- | --- |",
      ...statementRows(counts.later),
      "",
      `Latency: autocannon over HTTP, ${CONNECTIONS} connections, against the baseline: ${CONNECTIONS} callers in the bench's process ` +
        `doing the same read with a \`pg\` pool of ${CONNECTIONS} (bench/dashboard-list/raw-read.ts: the user, the ownership, then the page ` +
        `with its relations in one query; checked to return the same products in the same order). ${LOAD_SECONDS} s per round in the ` +
        `order ${LOAD_ORDER.join(", ")} after ${WARMUP_SECONDS} s unmeasured on each; requests/s and p50 are the means of each side's two ` +
        `rounds, p99 the worse. Errors and non-2xx: HTTP ${http.failed}, raw ${raw.failed}.`,
      "",
      `Rounds (requests/s, p99): ${runs.map((run) => `${run.side} ${Math.round(run.requestsPerS)}, ${ms(run.p99)}`).join("; ")}.`,
      `CPU per HTTP request in the server's Next process: ${http.nextCpu.toFixed(1)} ms. Time inside PostgreSQL: the mean ` +
        "times in the statement tables above.",
    ].join("\n");

    await writeFile(README, replaceBetweenMarkers(await readFile(README, "utf8"), START, END, results));
    console.log(results);
    const rawBaseline = (value: number) => ({ what: "raw `pg`, same read", value });
    recordFigures({
      bench: "dashboard-list",
      load: { before: quiet.load, after: loadAfter },
      figures: [
        { metric: `Dashboard product list: data queries per request (${PRODUCTS} products)`, unit: "", target: `≤ ${TARGET_DATA_QUERIES}`, measured: worst, baseline: rawBaseline(3), pass: worst <= TARGET_DATA_QUERIES },
        { metric: "Dashboard product list: context statements per request", unit: "", target: "—", measured: counts.first.context, baseline: rawBaseline(0), pass: null },
        { metric: `Dashboard product list throughput (${CONNECTIONS} connections)`, unit: "req/s", target: "—", measured: http.requestsPerS, baseline: rawBaseline(raw.requestsPerS), pass: null },
        { metric: "Dashboard product list p50 latency", unit: "ms", target: "—", measured: http.p50, baseline: rawBaseline(raw.p50), pass: null },
        { metric: "Dashboard product list p99 latency", unit: "ms", target: "—", measured: http.p99, baseline: rawBaseline(raw.p99), pass: null },
      ],
    });
  } finally {
    await cleanUp();
  }
}

await main();
