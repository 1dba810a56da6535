import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { createDb, type Db } from "../../src/server/db-client";
import { runAsOwner } from "../../src/server/db/db-scope";
import { TENANT_ROLE } from "../../src/server/db/scoped-pool";
import { migrate } from "../../src/server/db/migrate";
import { listProducts } from "../../src/server/services/menu/list-products";
import { seedOwnerWithLargeMenu, type SeededOwner } from "../dashboard-list/seed";
import { recordFigures, type Figure } from "../lib/figures";
import { gitState, loadAverage, replaceBetweenMarkers, ROOT, waitForQuiet } from "../lib/production-server";
import { percentile } from "../webhooks/send";

// What row-level security costs an owner's request: the same service calls on the same data, once in the owner's
// scope (role foodar_app, the policies evaluated, the connection switched at checkout) and once in the system scope
// that bypasses them, in alternating rounds so drift in the machine's load falls on both alike. Runs in-process
// against its own embedded PostgreSQL holding 20 owners' menus of 500 products each.
//
//   npm run bench:rls                 measure (waits up to 10 minutes for a quiet machine)
//   npm run bench:rls -- --no-wait

const README = path.join(import.meta.dirname, "..", "README.md");
const START = "<!-- row-level-security:start -->";
const END = "<!-- row-level-security:end -->";
const PG_PORT = 54850;
const DATA_DIR = path.join(ROOT, ".data", "bench-rls");
const OTHER_OWNERS = 19;
const ROUNDS = 4;
const CALLS_PER_ROUND = 250;
const WARMUP_CALLS = 100;

type Timings = { p50: number; p99: number; mean: number };

function summarise(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length };
}

async function time(calls: number, call: (index: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < calls; index++) {
    const started = performance.now();
    await call(index);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Alternates A and B (ABBA…) so both see the same machine; returns each one's samples. */
async function compare(a: (index: number) => Promise<unknown>, b: (index: number) => Promise<unknown>): Promise<[Timings, Timings]> {
  await time(WARMUP_CALLS, a);
  await time(WARMUP_CALLS, b);
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [a, b] : [b, a];
    for (const run of order) (run === a ? samplesA : samplesB).push(...(await time(CALLS_PER_ROUND, run)));
  }
  return [summarise(samplesA), summarise(samplesB)];
}

async function seedOtherOwners(db: Db): Promise<SeededOwner[]> {
  const owners: SeededOwner[] = [];
  for (let index = 0; index < OTHER_OWNERS; index++) {
    const email = `rls-bench-${index}@foodar.local`;
    const user = await db.user.create({ data: { authProvider: "LOCAL", authUserId: email, email, name: `Owner ${index}` } });
    const restaurant = await db.restaurant.create({ data: { ownerId: user.id, name: `Kitchen ${index}`, slug: `rls-bench-kitchen-${index}` } });
    const category = await db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
    await db.product.createMany({
      data: Array.from({ length: 500 }, (_, position) => ({
        restaurantId: restaurant.id,
        categoryId: category.id,
        name: `Dish ${position + 1}`,
        priceMinor: 50_000,
        position: position + 1,
      })),
    });
    owners.push({ userId: user.id, restaurantId: restaurant.id, media: 0, models: 0 });
  }
  return owners;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const overhead = (owner: number, system: number) => ((owner - system) / system) * 100;

async function main() {
  const wait = !process.argv.includes("--no-wait");
  if (wait) await waitForQuiet({ quiet: 1, maxMs: 10 * 60_000, label: "row-level-security" });
  await rm(DATA_DIR, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port: PG_PORT });
  try {
    const url = await ensureDatabase(postgres.connectionString, "foodar");
    await migrate(url);
    const db = createDb(url);
    const owner = await seedOwnerWithLargeMenu(db, new Date());
    const others = await seedOtherOwners(db);
    const page = { limit: 50 } as const;
    const product = await db.product.findFirstOrThrow({ where: { restaurantId: owner.restaurantId }, select: { id: true } });
    const loadBefore = loadAverage();

    const [listAsOwner, listAsSystem] = await compare(
      () => runAsOwner(owner.userId, () => listProducts(db, owner.restaurantId, page)),
      () => listProducts(db, owner.restaurantId, page),
    );
    const rename = (index: number) => db.product.update({ where: { id: product.id }, data: { name: `Dish ${index}` }, select: { id: true } });
    const [renameAsOwner, renameAsSystem] = await compare(
      (index) => runAsOwner(owner.userId, () => rename(index)),
      (index) => rename(index),
    );
    // Each checkout after another owner's switches the connection: the worst case, every request a new owner.
    const ping = () => db.$queryRaw`SELECT 1`;
    const [switching, staying] = await compare(
      (index) => runAsOwner(index % 2 === 0 ? owner.userId : (others[0]?.userId ?? owner.userId), ping),
      () => runAsOwner(owner.userId, ping),
    );

    // The policies alone: one connection, the list's filter in plain SQL, as the tenant role and as the tables' owner,
    // in alternating blocks (the role is the connection's, so the two cannot interleave call by call).
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    await raw.query("SELECT set_config('app.user_id', $1, false)", [owner.userId]);
    const sql = `SELECT p."id", p."name" FROM "Product" p WHERE p."restaurantId" = $1 ORDER BY p."position" LIMIT 50`;
    const listRaw = () => raw.query(sql, [owner.restaurantId]);
    await time(WARMUP_CALLS, listRaw);
    const tenantSamples: number[] = [];
    const ownerSamples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const tenantFirst = round % 2 === 0;
      for (const asTenant of tenantFirst ? [true, false] : [false, true]) {
        await raw.query(asTenant ? `SET ROLE ${TENANT_ROLE}` : "RESET ROLE");
        (asTenant ? tenantSamples : ownerSamples).push(...(await time(CALLS_PER_ROUND, listRaw)));
      }
    }
    const rawTenant = summarise(tenantSamples);
    const rawSystem = summarise(ownerSamples);
    await raw.end();
    const loadAfter = loadAverage();
    await db.$disconnect();

    const figures: Figure[] = [
      {
        metric: "dashboard list (50 of 500 products) p50, owner under row-level security",
        unit: "ms",
        target: "—",
        measured: listAsOwner.p50,
        baseline: { what: "same call, policies bypassed", value: listAsSystem.p50 },
        pass: null,
      },
      {
        metric: "product rename p50, owner under row-level security",
        unit: "ms",
        target: "—",
        measured: renameAsOwner.p50,
        baseline: { what: "same call, policies bypassed", value: renameAsSystem.p50 },
        pass: null,
      },
      {
        metric: "raw list query p50 as the tenant role",
        unit: "ms",
        target: "—",
        measured: rawTenant.p50,
        baseline: { what: "as the tables' owner", value: rawSystem.p50 },
        pass: null,
      },
    ];
    recordFigures({ bench: "row-level-security", load: { before: loadBefore, after: loadAfter }, figures });

    const rows = [
      ["dashboard list, 50 of 500 products (`listProducts`)", listAsOwner, listAsSystem],
      ["product rename (`product.update`)", renameAsOwner, renameAsSystem],
      ["`SELECT 1`, every checkout switching owner vs. the same owner", switching, staying],
      ["raw list query, one connection: tenant role vs. tables' owner", rawTenant, rawSystem],
    ] as const;
    const table = [
      `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; ${gitState()}; 1-minute load ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}.`,
      `${1 + OTHER_OWNERS} owners × 500 products; ${ROUNDS} alternating rounds of ${CALLS_PER_ROUND} sequential calls each way after ${WARMUP_CALLS} warm-up calls.`,
      "",
      "| Work | Owner scope p50 / p99 / mean | Bypassed p50 / p99 / mean | Overhead (p50) |",
      "| --- | --- | --- | --- |",
      ...rows.map(
        ([what, scoped, bypassed]) =>
          `| ${what} | ${ms(scoped.p50)} / ${ms(scoped.p99)} / ${ms(scoped.mean)} | ${ms(bypassed.p50)} / ${ms(bypassed.p99)} / ${ms(bypassed.mean)} | ` +
          `${overhead(scoped.p50, bypassed.p50).toFixed(1)} % |`,
      ),
    ].join("\n");
    console.log(table);
    await writeFile(README, replaceBetweenMarkers(await readFile(README, "utf8"), START, END, table));
  } finally {
    await postgres.stop();
  }
}

await main();
