import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./production-server";

// The shape every benchmark reports its headline figures in, so `npm run bench` (bench/run-all.ts) can put them in
// one summary table. Each benchmark still writes its own detailed section of bench/README.md; this file only carries
// the figures from the benchmark's process to run-all's, through a JSON file in .data (ignored by git).

export type Figure = {
  metric: string;
  /** Printed after the measured value and the baseline: "ms", "req/s", "KB", "%", "queries", or "" for a count. */
  unit: string;
  /** As it reads in the table, e.g. "≤ 3" or "≥ 80 % of baseline"; "—" for a figure recorded without a target. */
  target: string;
  measured: number;
  /** The same thing measured in the same run by the simplest way to do it (a static file, a raw `pg` query…). */
  baseline: { what: string; value: number } | null;
  /** null for a figure recorded without a target. */
  pass: boolean | null;
};

export type BenchFigures = {
  bench: string;
  /** 1-minute load average when the measurement started and ended (2 cores: above 1 means other work competed). */
  load: { before: number; after: number };
  figures: Figure[];
};

export const FIGURES_DIR = path.join(ROOT, ".data", "bench-figures");

export const figuresFile = (bench: string) => path.join(FIGURES_DIR, `${bench}.json`);

export function recordFigures(report: BenchFigures): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(figuresFile(report.bench), `${JSON.stringify(report, null, 2)}\n`);
}

export function readFigures(bench: string): BenchFigures {
  return JSON.parse(readFileSync(figuresFile(bench), "utf8")) as BenchFigures;
}

export const verdict = (pass: boolean | null) => (pass === null ? "—" : pass ? "PASS" : "MISS");
