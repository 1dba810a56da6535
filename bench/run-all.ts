import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { figuresFile, FIGURES_DIR, readFigures, verdict, type BenchFigures, type Figure } from "./lib/figures";
import { buildApp, gitState, loadAverage, replaceBetweenMarkers, ROOT } from "./lib/production-server";

// `npm run bench`: builds the app once, runs every benchmark (bench/*/run.ts) in its own process with --no-build, so
// those that serve the app measure that build (the others ignore the flag), and puts their headline figures, each beside the baseline it measured
// in the same run, in one summary table at the top of bench/README.md. Each benchmark rewrites its own detailed
// section as it does when run alone. A benchmark that fails is reported as such and the others still run.
//
//   npm run bench                  build, run everything
//   npm run bench -- --no-build    reuse the current .next
//   npm run bench -- --no-wait     passed on: no benchmark waits for a quiet machine

const README = path.join(import.meta.dirname, "README.md");
const START = "<!-- summary:start -->";
const END = "<!-- summary:end -->";
// Only for the build's log and the environment it is built with; the benchmarks use their own ports.
const BUILD = { port: 3900, pgPort: 54900, dataDir: ".data/bench-all" };
const QUIET_LOAD = 1.0;

type Bench = { name: string; script: string };

/** Every bench/<name>/run.ts, so a new benchmark is part of the run without being listed here. */
function discoverBenches(): Bench[] {
  return readdirSync(import.meta.dirname, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(import.meta.dirname, entry.name, "run.ts")))
    .map((entry) => ({ name: entry.name, script: path.join("bench", entry.name, "run.ts") }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

type Outcome = { bench: Bench; exitCode: number; minutes: number; report: BenchFigures | null };

function runBench(bench: Bench, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [bench.script, ...args], { cwd: ROOT, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit ? `${number} ${unit}` : number;
}

function figureRow(bench: string, figure: Figure): string {
  const baseline = figure.baseline ? `${formatValue(figure.baseline.value, figure.unit)} (${figure.baseline.what})` : "—";
  return `| ${bench} | ${figure.metric} | ${figure.target} | ${formatValue(figure.measured, figure.unit)} | ${baseline} | ${verdict(figure.pass)} |`;
}

function summary(outcomes: Outcome[], context: { started: Date; tree: string; loadBefore: number; loadAfter: number; built: boolean }): string {
  const minutes = (Date.now() - context.started.getTime()) / 60_000;
  const rows = outcomes.flatMap((outcome) =>
    outcome.report
      ? outcome.report.figures.map((figure) => figureRow(outcome.bench.name, figure))
      : outcome.exitCode === 0
        ? [`| ${outcome.bench.name} | no summary figures reported; see its own section below | — | — | — | — |`]
        : [`| ${outcome.bench.name} | failed (exit ${outcome.exitCode}); its output says why | — | — | — | FAIL |`],
  );
  const busy = outcomes.filter((outcome) => outcome.report && outcome.report.load.before > QUIET_LOAD).map((outcome) => outcome.bench.name);
  return [
    `Run ${context.started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.availableParallelism()} cores ` +
      `(${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM; ` +
      `${context.tree}; ${context.built ? "one `next build` for all" : "the existing .next"}; ${minutes.toFixed(0)} min in all. ` +
      `1-minute load average ${context.loadBefore.toFixed(2)} at the start, ${context.loadAfter.toFixed(2)} at the end.`,
    "",
    "| Benchmark | Metric | Target | Measured | Baseline, same run | Result |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "| Benchmark | 1-minute load, measurement start → end | Took | Exit |",
    "| --- | --- | --- | --- |",
    ...outcomes.map(
      (outcome) =>
        `| ${outcome.bench.name} | ${outcome.report ? `${outcome.report.load.before.toFixed(2)} → ${outcome.report.load.after.toFixed(2)}` : "—"} | ` +
        `${outcome.minutes.toFixed(1)} min | ${outcome.exitCode} |`,
    ),
    ...(busy.length > 0
      ? ["", `**The machine was busy** (1-minute load above ${QUIET_LOAD} on 2 cores) when these started measuring: ${busy.join(", ")}. Other work took CPU from their timings; the baselines, measured in the same rounds, shared that load.`]
      : []),
  ].join("\n");
}

async function main() {
  const build = !process.argv.includes("--no-build");
  const wait = !process.argv.includes("--no-wait");
  const started = new Date();
  const tree = gitState();
  const loadBefore = loadAverage();
  await rm(FIGURES_DIR, { recursive: true, force: true });

  if (build) {
    console.log("building once for every benchmark (next build)…");
    await mkdir(path.join(ROOT, BUILD.dataDir), { recursive: true });
    await buildApp(BUILD);
  }
  const outcomes: Outcome[] = [];
  for (const bench of discoverBenches()) {
    console.log(`\n=== ${bench.name} ===`);
    const args = ["--no-build", ...(wait ? [] : ["--no-wait"])];
    const begun = Date.now();
    const exitCode = await runBench(bench, args);
    const report = exitCode === 0 && existsSync(figuresFile(bench.name)) ? readFigures(bench.name) : null;
    outcomes.push({ bench, exitCode, minutes: (Date.now() - begun) / 60_000, report });
  }

  const table = summary(outcomes, { started, tree, loadBefore, loadAfter: loadAverage(), built: build });
  await writeFile(README, replaceBetweenMarkers(await readFile(README, "utf8"), START, END, table));
  console.log(`\n${table}`);
  if (outcomes.some((outcome) => outcome.exitCode !== 0)) process.exitCode = 1;
}

await main();
