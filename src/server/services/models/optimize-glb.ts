import { type Document, ImageUtils, Primitive } from "@gltf-transform/core";
import { cloneDocument, dedup, meshopt, prune, simplify, textureCompress, weld } from "@gltf-transform/functions";
import { MeshoptEncoder, MeshoptSimplifier } from "meshoptimizer";
import sharp from "sharp";
import { type BoundingBoxCm, createModelIO, measureDocument } from "./measure-model";

// Turns an uploaded GLB into one that phones download and open quickly in AR. The input has already passed
// validateGlb, so its structure is sound; this module may still throw on content it cannot decode (e.g. Draco
// geometry, for which no decoder is registered), and the job records that as the failure reason. KTX2 textures are
// left as they are: they are already GPU-compressed.
//
// Every step but one is lossless or invisible: meshopt() quantises positions to 14 bits, normals to 10 and UVs to
// 12, well under a millimetre on a dish. Simplification changes the shape the owner made, so it runs only when the
// result misses the size target, only on meshes dense enough to spare triangles, within a tight error bound, and
// its result is kept only if it is actually smaller. A small model is never simplified.

export type OptimizeOptions = {
  maxTextureSize?: number;
  targetBytes?: number;
};

export const DEFAULT_MAX_TEXTURE_SIZE = 2048;
export const DEFAULT_TARGET_BYTES = 2_000_000;

// Below this many triangles a mesh is already light enough that any size problem is in the textures, and
// simplifying would only spoil silhouettes the owner can see.
const SIMPLIFY_MIN_TRIANGLES = 20_000;
// 0.1 % of the mesh radius: about 0.2 mm on a 20 cm plate, invisible on a phone.
const SIMPLIFY_MAX_ERROR = 0.001;

export type OptimizationStep = { name: string; ms: number };

export type OptimizationReport = {
  inputBytes: number;
  outputBytes: number;
  /** Percentage of the input saved, one decimal; negative when the output grew. */
  reductionPercent: number;
  targetBytes: number;
  targetMet: boolean;
  /** Whether geometry was simplified because the lossless steps alone missed the target. */
  simplified: boolean;
  steps: OptimizationStep[];
  totalMs: number;
  vertices: { before: number; after: number };
  triangles: { before: number; after: number };
  textures: { countBefore: number; countAfter: number; maxSizeBefore: number; maxSizeAfter: number };
  boundingBox: BoundingBoxCm | null;
};

type GeometryStats = { vertices: number; triangles: number };

function geometryStats(document: Document): GeometryStats {
  let vertices = 0;
  let triangles = 0;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      const count = prim.getAttribute("POSITION")?.getCount() ?? 0;
      const indexed = prim.getIndices()?.getCount() ?? count;
      vertices += count;
      const mode = prim.getMode();
      if (mode === Primitive.Mode.TRIANGLES) triangles += Math.floor(indexed / 3);
      else if (mode === Primitive.Mode.TRIANGLE_STRIP || mode === Primitive.Mode.TRIANGLE_FAN) {
        triangles += Math.max(0, indexed - 2);
      }
    }
  }
  return { vertices, triangles };
}

function textureStats(document: Document): { count: number; maxSize: number } {
  const textures = document.getRoot().listTextures();
  let maxSize = 0;
  for (const texture of textures) {
    const image = texture.getImage();
    const size = image ? ImageUtils.getSize(image, texture.getMimeType()) : null;
    if (size) maxSize = Math.max(maxSize, size[0], size[1]);
  }
  return { count: textures.length, maxSize };
}

export async function optimizeGlb(
  input: Uint8Array,
  options: OptimizeOptions = {},
): Promise<{ bytes: Uint8Array; report: OptimizationReport }> {
  const maxTextureSize = options.maxTextureSize ?? DEFAULT_MAX_TEXTURE_SIZE;
  const targetBytes = options.targetBytes ?? DEFAULT_TARGET_BYTES;
  const steps: OptimizationStep[] = [];
  const started = performance.now();
  async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
    const stepStart = performance.now();
    const result = await run();
    steps.push({ name, ms: Math.round(performance.now() - stepStart) });
    return result;
  }

  await MeshoptSimplifier.ready;
  const io = await createModelIO();
  const document = await timed("read", () => io.readBinary(input));
  const geometryBefore = geometryStats(document);
  const texturesBefore = textureStats(document);

  await timed("dedup", () => document.transform(dedup()));
  await timed("prune", () => document.transform(prune()));
  await timed("weld", () => document.transform(weld()));
  await timed("textures", () =>
    document.transform(
      textureCompress({ encoder: sharp, targetFormat: "webp", resize: [maxTextureSize, maxTextureSize] }),
    ),
  );

  // meshopt() quantises in place, and simplifying quantised positions loses precision twice, so keep the
  // lossless result aside in case the target is missed and simplification has to start from it.
  const lossless = geometryBefore.triangles >= SIMPLIFY_MIN_TRIANGLES ? cloneDocument(document) : null;
  let result = document;
  await timed("meshopt", () => result.transform(meshopt({ encoder: MeshoptEncoder })));
  let bytes = await timed("write", () => io.writeBinary(result));

  let simplified = false;
  if (bytes.byteLength > targetBytes && lossless) {
    const ratio = Math.max(0.1, targetBytes / bytes.byteLength);
    await timed("simplify", () =>
      lossless.transform(simplify({ simplifier: MeshoptSimplifier, ratio, error: SIMPLIFY_MAX_ERROR })),
    );
    await timed("meshopt", () => lossless.transform(meshopt({ encoder: MeshoptEncoder })));
    const smaller = await timed("write", () => io.writeBinary(lossless));
    if (smaller.byteLength < bytes.byteLength) {
      bytes = smaller;
      result = lossless;
      simplified = true;
    }
  }

  const geometryAfter = geometryStats(result);
  const texturesAfter = textureStats(result);
  return {
    bytes,
    report: {
      inputBytes: input.byteLength,
      outputBytes: bytes.byteLength,
      reductionPercent: Math.round((1 - bytes.byteLength / input.byteLength) * 1000) / 10,
      targetBytes,
      targetMet: bytes.byteLength <= targetBytes,
      simplified,
      steps,
      totalMs: Math.round(performance.now() - started),
      vertices: { before: geometryBefore.vertices, after: geometryAfter.vertices },
      triangles: { before: geometryBefore.triangles, after: geometryAfter.triangles },
      textures: {
        countBefore: texturesBefore.count,
        countAfter: texturesAfter.count,
        maxSizeBefore: texturesBefore.maxSize,
        maxSizeAfter: texturesAfter.maxSize,
      },
      boundingBox: measureDocument(result),
    },
  };
}
