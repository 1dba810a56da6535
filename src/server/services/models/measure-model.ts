import { type Document, Logger, NodeIO, getBounds } from "@gltf-transform/core";
import { ALL_EXTENSIONS } from "@gltf-transform/extensions";
import { MeshoptDecoder, MeshoptEncoder } from "meshoptimizer";
import { type BoundingBoxCm, largestSide, RESCALE_MAX_CM, RESCALE_MIN_CM } from "~/lib/model-size";

// glTF positions are metres; owners think of dishes in centimetres, so everything this module returns is in cm.

export type { BoundingBoxCm } from "~/lib/model-size";

/** An IO that reads and writes everything the optimiser produces, including meshopt-compressed geometry. */
export async function createModelIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  // Transforms log every pruned property at INFO; in a job those lines are noise, warnings still matter.
  return new NodeIO()
    .setLogger(new Logger(Logger.Verbosity.WARN))
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ "meshopt.encoder": MeshoptEncoder, "meshopt.decoder": MeshoptDecoder });
}

// Hundredths of a millimetre: enough to survive the round trip through quantisation comparisons, and no noise digits.
function toCm(metres: number): number {
  return Math.round(metres * 100 * 1000) / 1000;
}

/** The default scene's world-space box, or null when it has no geometry to measure. */
export function measureDocument(document: Document): BoundingBoxCm | null {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) return null;
  const { min, max } = getBounds(scene);
  if (![...min, ...max].every(Number.isFinite)) return null;
  return { widthCm: toCm(max[0] - min[0]), heightCm: toCm(max[1] - min[1]), depthCm: toCm(max[2] - min[2]) };
}

export async function measureGlb(input: Uint8Array): Promise<BoundingBoxCm | null> {
  const io = await createModelIO();
  return measureDocument(await io.readBinary(input));
}

/**
 * Scales the default scene so its largest side is `targetLargestSideCm`. The roots are wrapped in one scaled node
 * rather than having their own transforms edited, so animations that drive those transforms keep working.
 */
export async function rescaleGlb(
  input: Uint8Array,
  targetLargestSideCm: number,
): Promise<{ bytes: Uint8Array; box: BoundingBoxCm }> {
  if (!Number.isFinite(targetLargestSideCm) || targetLargestSideCm < RESCALE_MIN_CM || targetLargestSideCm > RESCALE_MAX_CM) {
    throw new RangeError(`The size must be between ${RESCALE_MIN_CM} and ${RESCALE_MAX_CM} cm.`);
  }
  const io = await createModelIO();
  const document = await io.readBinary(input);
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const before = measureDocument(document);
  if (!scene || !before) throw new Error("This model has no geometry to measure, so it cannot be rescaled.");
  const current = largestSide(before).cm;
  if (current <= 0) throw new Error("This model is flat in every direction, so it cannot be rescaled.");

  const factor = targetLargestSideCm / current;
  const wrapper = document.createNode("rescale").setScale([factor, factor, factor]);
  for (const child of scene.listChildren()) {
    scene.removeChild(child);
    wrapper.addChild(child);
  }
  scene.addChild(wrapper);

  const box = measureDocument(document);
  if (!box) throw new Error("This model has no geometry to measure, so it cannot be rescaled.");
  return { bytes: await io.writeBinary(document), box };
}
