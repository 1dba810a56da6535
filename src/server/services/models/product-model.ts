import type { Db } from "~/server/db-client";
import { notFound } from "~/server/errors";
import type { ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { MODEL_OPTIMIZATION_QUEUE, type ModelOptimizationJob } from "~/server/jobs/job-queues";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";
import { enqueueFileDeletions, modelFileDeletions } from "~/server/services/files/file-deletions";
import { lockModelsOf } from "./lock-models";
import { toModelView, type ModelView } from "./model-view";

// The restaurant id has been checked against the owner by the procedure (or the upload route); every query
// goes through the product's restaurant, so another restaurant's model is simply not found.

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function requireProductOf(db: Pick<Db, "product">, restaurantId: string, productId: string) {
  const product = await db.product.findFirst({ where: { id: productId, restaurantId }, select: { id: true } });
  if (!product) throw notFound("Product");
  return product;
}

/** Queues the model's optimisation in the transaction that set it to PENDING at this revision. */
export async function queueModelOptimization(tx: Tx, job: ModelOptimizationJob) {
  await sendInTransaction(tx, MODEL_OPTIMIZATION_QUEUE, job);
}

export async function getProductModel(db: Db, storage: ModelStorage, restaurantId: string, productId: string): Promise<ModelView | null> {
  await requireProductOf(db, restaurantId, productId);
  const model = await db.model3D.findUnique({ where: { productId } });
  return model ? toModelView(model, storage) : null;
}

/**
 * Asks for the model to be made again at the owner's size. The original stays as it was sent; the job scales
 * the optimised copy, and the current copy stays on show until the new one is ready.
 */
export async function rescaleProductModel(
  db: Db,
  storage: ModelStorage,
  restaurantId: string,
  productId: string,
  largestSideCm: number,
): Promise<ModelView> {
  const model = await db.$transaction(async (tx) => {
    await requireProductOf(tx, restaurantId, productId);
    await lockModelsOf(tx, [productId]);
    const current = await tx.model3D.findUnique({ where: { productId } });
    if (!current) throw notFound("3D model");
    const updated = await tx.model3D.update({
      where: { id: current.id },
      data: { rescaleToCm: largestSideCm, status: "PENDING", failureReason: null, revision: { increment: 1 } },
    });
    await queueModelOptimization(tx, { modelId: updated.id, revision: updated.revision });
    return updated;
  });
  return toModelView(model, storage);
}

/** The row goes now; its files are queued in the same transaction and removed by the file-deletions job. */
export async function removeProductModel(db: Db, restaurantId: string, productId: string) {
  await db.$transaction(async (tx) => {
    await requireProductOf(tx, restaurantId, productId);
    await lockModelsOf(tx, [productId]);
    const model = await tx.model3D.findUnique({ where: { productId } });
    if (!model) throw notFound("3D model");
    await tx.model3D.delete({ where: { id: model.id } });
    await enqueueFileDeletions(tx, modelFileDeletions(restaurantId, model));
  });
  requestFileDeletions();
  return { removed: true as const };
}
