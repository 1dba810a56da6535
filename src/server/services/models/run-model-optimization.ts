import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { publishMenuChange } from "~/server/cache/menu-cache";
import type { Db } from "~/server/db-client";
import { modelKey } from "~/server/integrations/model-storage/model-key";
import { GLB_CONTENT_TYPE, type ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { MODEL_OPTIMIZATION_ATTEMPTS, type ModelOptimizationJob } from "~/server/jobs/job-queues";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { enqueueFileDeletions, modelFileDeletion } from "~/server/services/files/file-deletions";
import { rescaleGlb } from "./measure-model";
import { optimizeGlb } from "./optimize-glb";
import { validateGlb } from "./validate-glb";

/** The model itself cannot be processed; trying again would fail the same way, so the job is not retried. */
class UnprocessableModelError extends Error {}

/** The attempt ran past its time; it may succeed on a quieter machine, so it is retried. */
class AttemptTimedOutError extends Error {}

export type OptimizationOutcome = "ready" | "failed" | "stale";

type RunOptions = { timeoutMs: number; lastAttempt: boolean };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function markFailed(db: Db, job: ModelOptimizationJob, failureReason: string) {
  await db.model3D.updateMany({
    where: { id: job.modelId, revision: job.revision, status: { in: ["PENDING", "PROCESSING"] } },
    data: { status: "FAILED", failureReason },
  });
}

/** For the dead-letter queue: the job's retries are spent, or its process died on the last one. */
export async function failAbandonedOptimization(db: Db, job: ModelOptimizationJob) {
  await markFailed(
    db,
    job,
    `Processing did not finish after ${MODEL_OPTIMIZATION_ATTEMPTS} attempts. Upload the model again; if it keeps failing, reduce its polygon count or texture sizes.`,
  );
}

/**
 * One attempt at a model's optimisation job: read the original, optimise it (and scale it when the owner asked),
 * store the copy under a new key and record the result. The job names the revision it was queued for; once the
 * model has been replaced, rescaled again or deleted, the attempt changes nothing and leaves no file behind.
 *
 * Problems with the model itself fail it at once with a reason the owner can act on. Anything else (storage,
 * database, a timeout) is thrown so the queue retries it; the last attempt records why it gave up.
 */
export async function runModelOptimization(
  db: Db,
  storage: ModelStorage,
  job: ModelOptimizationJob,
  options: RunOptions,
): Promise<OptimizationOutcome> {
  const { count } = await db.model3D.updateMany({
    where: { id: job.modelId, revision: job.revision, status: { in: ["PENDING", "PROCESSING"] } },
    data: { status: "PROCESSING", failureReason: null },
  });
  if (count === 0) return "stale";
  const model = await db.model3D.findUnique({
    where: { id: job.modelId },
    select: { originalKey: true, rescaleToCm: true, storageProvider: true, product: { select: { restaurantId: true } } },
  });
  if (!model) return "stale";
  if (model.storageProvider !== storage.provider) {
    // Happens only after the deployment switched storage; the original is out of this server's reach.
    await markFailed(db, job, "This model was stored with another storage provider than the one in use now. Upload it again.");
    return "failed";
  }

  // The optimiser cannot be interrupted, so a timed-out attempt is abandoned: the signal stops it before it
  // stores or records anything.
  const abandoned = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandoned.abort();
      reject(new AttemptTimedOutError(`Optimising took longer than ${Math.round(options.timeoutMs / 1000)} s`));
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([optimizeAndRecord(db, storage, job, { ...model, restaurantId: model.product.restaurantId }, abandoned.signal), timeout]);
  } catch (error) {
    if (error instanceof UnprocessableModelError) {
      await markFailed(db, job, error.message);
      return "failed";
    }
    if (options.lastAttempt) {
      const reason =
        error instanceof AttemptTimedOutError
          ? `${error.message}, ${MODEL_OPTIMIZATION_ATTEMPTS} times. Reduce the polygon count or texture sizes and upload the model again.`
          : `Processing failed ${MODEL_OPTIMIZATION_ATTEMPTS} times (${reasonOf(error)}). Upload the model again in a few minutes.`;
      await markFailed(db, job, reason);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

type Source = { originalKey: string; rescaleToCm: number | null; restaurantId: string };

async function optimizeAndRecord(
  db: Db,
  storage: ModelStorage,
  job: ModelOptimizationJob,
  source: Source,
  signal: AbortSignal,
): Promise<OptimizationOutcome> {
  const original = await storage.read(source.originalKey);
  signal.throwIfAborted();
  const { bytes, report, box } = await produce(original, source.rescaleToCm);
  signal.throwIfAborted();

  const key = modelKey(source.restaurantId, randomUUID(), "optimized");
  await storage.put(key, bytes, { contentType: GLB_CONTENT_TYPE });
  const outcome = await db.$transaction(async (tx) => {
    if (signal.aborted) {
      await enqueueFileDeletions(tx, [modelFileDeletion(source.restaurantId, storage.provider, key)]);
      return "stale" as const;
    }
    const current = await tx.model3D.findFirst({ where: { id: job.modelId }, select: { optimizedKey: true } });
    const { count } = await tx.model3D.updateMany({
      where: { id: job.modelId, revision: job.revision, status: "PROCESSING" },
      data: {
        status: "READY",
        failureReason: null,
        optimizedKey: key,
        optimizedBytes: bytes.byteLength,
        widthCm: box?.widthCm ?? null,
        heightCm: box?.heightCm ?? null,
        depthCm: box?.depthCm ?? null,
        report: report as Prisma.InputJsonValue,
      },
    });
    // The model moved on (or is gone): this copy is nobody's. Otherwise the copy it replaces is nobody's.
    const orphan = count === 0 ? key : current?.optimizedKey;
    if (orphan) await enqueueFileDeletions(tx, [modelFileDeletion(source.restaurantId, storage.provider, orphan)]);
    if (count > 0) await publishMenuChange(tx, source.restaurantId);
    return count === 0 ? ("stale" as const) : ("ready" as const);
  });
  requestFileDeletions();
  return outcome;
}

async function produce(original: Uint8Array, rescaleToCm: number | null) {
  // The upload was validated; a file that no longer passes was changed in storage, and is not processed.
  const validation = validateGlb(original, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!validation.ok) throw new UnprocessableModelError(`The stored model is not a valid GLB any more: ${validation.message}`);
  try {
    const optimized = await optimizeGlb(original);
    if (rescaleToCm === null) return { ...optimized, box: optimized.report.boundingBox };
    const scaled = await rescaleGlb(optimized.bytes, rescaleToCm);
    return {
      bytes: scaled.bytes,
      box: scaled.box,
      report: {
        ...optimized.report,
        outputBytes: scaled.bytes.byteLength,
        reductionPercent: Math.round((1 - scaled.bytes.byteLength / original.byteLength) * 1000) / 10,
        boundingBox: scaled.box,
        rescaledToCm: rescaleToCm,
      },
    };
  } catch (error) {
    throw new UnprocessableModelError(
      `The model could not be optimised: ${reasonOf(error)}. Re-export it from your 3D tool as glTF Binary and upload it again.`,
    );
  }
}
