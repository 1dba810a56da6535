import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { optimizeGlb, type OptimizationReport } from "../../src/server/services/models/optimize-glb";
import { validateGlb } from "../../src/server/services/models/validate-glb";
import { buildTexturedModel } from "../../tests/helpers/textured-model";
import { recordFigures } from "../lib/figures";
import { loadAverage } from "../lib/production-server";

// Generates the reference model, optimises it a few times and records the figures in bench/README.md between
// the results markers, so the committed numbers are always the ones this script last measured.

const RUNS = 3;
const TARGET_BYTES = 2_000_000;
const TARGET_REDUCTION_PERCENT = 80;
const TARGET_MS = 10_000;
const README = path.join(import.meta.dirname, "..", "README.md");
const START = "<!-- results:start -->";
const END = "<!-- results:end -->";

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main() {
  const loadBefore = loadAverage();
  // 224 × 224 quads as unindexed triangles: 301,056 vertices with normals and UVs, as a careless export would be.
  const input = await buildTexturedModel({ segments: 224, rings: 224, textureSize: 4096 });
  const checked = validateGlb(input);
  if (!checked.ok) throw new Error(`The reference model is not a valid GLB: ${checked.message}`);
  console.log(`reference model: ${mb(input.byteLength)}, ${checked.info.vertexCount} vertices`);

  const runs: Array<{ ms: number; report: OptimizationReport; bytes: Uint8Array }> = [];
  for (let run = 1; run <= RUNS; run++) {
    const started = performance.now();
    const { bytes, report } = await optimizeGlb(input);
    const ms = Math.round(performance.now() - started);
    const valid = validateGlb(bytes);
    if (!valid.ok) throw new Error(`Run ${run} produced an invalid GLB: ${valid.message}`);
    runs.push({ ms, report, bytes });
    console.log(`run ${run}: ${mb(bytes.byteLength)} in ${ms} ms`);
  }

  const medianMs = median(runs.map((run) => run.ms));
  const typical = runs.find((run) => run.ms === medianMs) ?? runs[0];
  if (!typical) throw new Error("No runs were recorded.");
  const { report } = typical;
  const outputBytes = typical.bytes.byteLength;
  const reduction = report.reductionPercent;

  const results = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores ` +
      `(${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM.`,
    "",
    `Reference model: ${mb(input.byteLength)} — ${report.vertices.before.toLocaleString("en")} vertices, ` +
      `${report.triangles.before.toLocaleString("en")} triangles, ${report.textures.countBefore} texture of ` +
      `${report.textures.maxSizeBefore} px (PNG).`,
    "",
    "| Metric | Target | Measured | Result |",
    "| --- | --- | --- | --- |",
    `| Output size | ≤ ${mb(TARGET_BYTES)} | ${mb(outputBytes)} | ${verdict(outputBytes <= TARGET_BYTES)} |`,
    `| Reduction | ≥ ${TARGET_REDUCTION_PERCENT} % | ${reduction.toFixed(1)} % | ${verdict(reduction >= TARGET_REDUCTION_PERCENT)} |`,
    `| Median time (${RUNS} runs) | ≤ ${TARGET_MS / 1000} s | ${(medianMs / 1000).toFixed(2)} s | ${verdict(medianMs <= TARGET_MS)} |`,
    "",
    `Runs: ${runs.map((run) => `${(run.ms / 1000).toFixed(2)} s`).join(", ")}. ` +
      `Output: ${report.vertices.after.toLocaleString("en")} vertices, ${report.triangles.after.toLocaleString("en")} ` +
      `triangles, texture ${report.textures.maxSizeAfter} px WebP; simplified: ${report.simplified ? "yes" : "no"}.`,
    "",
    "Steps of the median run:",
    "",
    "| Step | ms |",
    "| --- | --- |",
    ...report.steps.map((step) => `| ${step.name} | ${step.ms} |`),
  ].join("\n");

  const readme = await readFile(README, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${README} has no ${START} … ${END} section to rewrite.`);
  await writeFile(README, `${readme.slice(0, start + START.length)}\n${results}\n${readme.slice(end)}`);
  console.log(results);
  // No baseline: nothing simpler does the same job on the same model.
  recordFigures({
    bench: "glb-optimize",
    load: { before: loadBefore, after: loadAverage() },
    figures: [
      { metric: "GLB output size", unit: "MB", target: `≤ ${TARGET_BYTES / 1_000_000} MB`, measured: outputBytes / 1_000_000, baseline: null, pass: outputBytes <= TARGET_BYTES },
      { metric: "GLB size reduction", unit: "%", target: `≥ ${TARGET_REDUCTION_PERCENT} %`, measured: reduction, baseline: null, pass: reduction >= TARGET_REDUCTION_PERCENT },
      { metric: `GLB optimisation, median of ${RUNS}`, unit: "s", target: `≤ ${TARGET_MS / 1000} s`, measured: medianMs / 1000, baseline: null, pass: medianMs <= TARGET_MS },
    ],
  });
}

await main();
