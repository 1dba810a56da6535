import { beforeAll, describe, expect, it } from "vitest";
import { sizeWarning } from "~/lib/model-size";
import { createModelIO, measureGlb, rescaleGlb } from "~/server/services/models/measure-model";
import { optimizeGlb, type OptimizationReport } from "~/server/services/models/optimize-glb";
import { validateGlb } from "~/server/services/models/validate-glb";
import { buildTexturedModel, buildTriangle } from "../helpers/textured-model";

function expectValidGlb(bytes: Uint8Array) {
  const result = validateGlb(bytes);
  expect(result.ok ? "ok" : `${result.code}: ${result.message}`).toBe("ok");
}

describe("optimizeGlb on a heavy textured model", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let report: OptimizationReport;

  beforeAll(async () => {
    // ~100k duplicated vertices and a 4096 px texture: the shape of the benchmark at a fraction of its size.
    input = await buildTexturedModel({ segments: 128, rings: 130, textureSize: 4096, withUnused: true });
    ({ bytes: output, report } = await optimizeGlb(input));
  }, 60_000);

  it("writes a valid, smaller GLB that reads back with the meshopt decoder", async () => {
    expectValidGlb(input);
    expectValidGlb(output);
    expect(output.byteLength).toBeLessThan(input.byteLength / 4);

    const io = await createModelIO();
    const document = await io.readBinary(output);
    const root = document.getRoot();
    expect(root.listExtensionsUsed().map((extension) => extension.extensionName)).toContain("EXT_meshopt_compression");
    expect(root.listMaterials().map((material) => material.getName())).toEqual(["dish"]);
    expect(root.listAccessors().some((accessor) => accessor.getName() === "unused")).toBe(false);

    const [texture, ...others] = root.listTextures();
    expect(others).toHaveLength(0);
    expect(texture?.getMimeType()).toBe("image/webp");
    expect(texture?.getSize()).toEqual([2048, 2048]);
  });

  it("keeps the model's size", async () => {
    const before = await measureGlb(input);
    const after = await measureGlb(output);
    expect(before?.widthCm).toBeCloseTo(20, 0);
    for (const side of ["widthCm", "heightCm", "depthCm"] as const) {
      expect(Math.abs((after?.[side] ?? 0) - (before?.[side] ?? 0))).toBeLessThan(0.05);
    }
    expect(report.boundingBox).toEqual(after);
  });

  it("reports what it did", () => {
    expect(report.inputBytes).toBe(input.byteLength);
    expect(report.outputBytes).toBe(output.byteLength);
    expect(report.reductionPercent).toBeCloseTo((1 - output.byteLength / input.byteLength) * 100, 0);
    expect(report.targetBytes).toBe(2_000_000);
    expect(report.targetMet).toBe(output.byteLength <= 2_000_000);
    expect(report.simplified).toBe(false);
    expect(report.steps.map((step) => step.name)).toEqual(["read", "dedup", "prune", "weld", "textures", "meshopt", "write"]);
    expect(report.steps.every((step) => Number.isInteger(step.ms) && step.ms >= 0)).toBe(true);
    expect(report.totalMs).toBeGreaterThanOrEqual(report.steps.reduce((sum, step) => sum + step.ms, 0) - report.steps.length);
    expect(report.triangles).toEqual({ before: 128 * 130 * 2, after: 128 * 130 * 2 });
    expect(report.vertices.before).toBe(128 * 130 * 6);
    // Welding shares each corner between its neighbouring triangles; the UV seam and poles keep a few extra.
    expect(report.vertices.after).toBeLessThan(129 * 131 + 1);
    expect(report.textures).toEqual({ countBefore: 1, countAfter: 1, maxSizeBefore: 4096, maxSizeAfter: 2048 });
  });
});

describe("optimizeGlb over its target", () => {
  it("simplifies a dense mesh only when the lossless steps miss the target, keeping its shape", async () => {
    const input = await buildTexturedModel({ segments: 128, rings: 80, textureSize: 64 });
    const lossless = await optimizeGlb(input);
    const { bytes, report } = await optimizeGlb(input, { targetBytes: Math.floor(lossless.bytes.byteLength / 2) });
    expectValidGlb(bytes);
    expect(lossless.report.simplified).toBe(false);
    expect(report.simplified).toBe(true);
    expect(report.steps.map((step) => step.name)).toContain("simplify");
    expect(report.triangles.after).toBeLessThan(report.triangles.before);
    expect(bytes.byteLength).toBeLessThan(lossless.bytes.byteLength);
    for (const side of ["widthCm", "heightCm", "depthCm"] as const) {
      expect(Math.abs((report.boundingBox?.[side] ?? 0) - (lossless.report.boundingBox?.[side] ?? 0))).toBeLessThan(0.1);
    }
  });
});

describe("optimizeGlb on small or broken input", () => {
  it("leaves a single triangle intact", async () => {
    const input = await buildTriangle(0.1);
    const { bytes, report } = await optimizeGlb(input);
    expectValidGlb(bytes);
    expect(report).toMatchObject({ vertices: { before: 3, after: 3 }, triangles: { before: 1, after: 1 }, targetMet: true });
    expect(report.simplified).toBe(false);
    const box = await measureGlb(bytes);
    expect(box?.widthCm).toBeCloseTo(10, 1);
    expect(box?.heightCm).toBeCloseTo(5, 1);
  });

  it("rejects a corrupt file with an error instead of hanging", async () => {
    const valid = await buildTriangle();
    const corrupt = valid.slice();
    corrupt.fill(0x7b, 20, 40);
    await expect(optimizeGlb(corrupt)).rejects.toThrow();
    await expect(optimizeGlb(new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });
});

describe("measuring and rescaling", () => {
  it("warns about a 0.5 cm model and a 3 m model, not a 20 cm one", async () => {
    const tiny = await measureGlb(await buildTriangle(0.005));
    expect(tiny?.widthCm).toBeCloseTo(0.5, 2);
    expect(sizeWarning(tiny!)).toBe(
      "This dish is 0.5 cm wide — the model was probably made in metres as if they were centimetres. Rescale it to its real size.",
    );

    const huge = await measureGlb(await buildTriangle(3));
    expect(huge?.widthCm).toBeCloseTo(300, 1);
    expect(sizeWarning(huge!)).toMatch(/^This dish is 300 cm wide — .*Rescale it to its real size\.$/);

    expect(sizeWarning({ widthCm: 20, heightCm: 4, depthCm: 20 })).toBeNull();
    expect(sizeWarning({ widthCm: 1, heightCm: 1.5, depthCm: 2 })).toBeNull();
  });

  it("rescales so the largest side is the size the owner typed", async () => {
    const { bytes, box } = await rescaleGlb(await buildTriangle(3), 25);
    expectValidGlb(bytes);
    expect(box.widthCm).toBeCloseTo(25, 2);
    expect(box.heightCm).toBeCloseTo(12.5, 2);
    expect(await measureGlb(bytes)).toEqual(box);
    expect(sizeWarning(box)).toBeNull();
  });

  it("rescales an already optimised model", async () => {
    const { bytes: optimised } = await optimizeGlb(await buildTriangle(0.005));
    const { bytes, box } = await rescaleGlb(optimised, 12);
    expectValidGlb(bytes);
    expect(box.widthCm).toBeCloseTo(12, 1);
  });

  it("refuses sizes outside 1–200 cm", async () => {
    const input = await buildTriangle();
    for (const size of [0, 0.5, 201, Number.NaN]) {
      await expect(rescaleGlb(input, size)).rejects.toThrow("between 1 and 200 cm");
    }
  });
});
