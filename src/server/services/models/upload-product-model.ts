import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { env } from "~/env.js";
import { Prisma } from "~/generated/prisma/client";
import { publishMenuChange } from "~/server/cache/menu-cache";
import type { Db } from "~/server/db-client";
import { invalidState, notFound } from "~/server/errors";
import { modelKey } from "~/server/integrations/model-storage/model-key";
import { GLB_CONTENT_TYPE, type ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { enqueueFileDeletions, modelFileDeletions } from "~/server/services/files/file-deletions";
import { formatLimit } from "~/server/services/media/media-limits";
import { receiveBody, UploadRefusedError, type UploadAllowance } from "~/server/services/uploads/receive-body";
import { lockModelsOf } from "./lock-models";
import { toModelView, type ModelView } from "./model-view";
import { queueModelOptimization } from "./product-model";
import { validateGlb } from "./validate-glb";

type UploadTarget = { ownerId: string; restaurantId: string; productId: string };

const GLB_HEADER_BYTES = 12;

function tooLarge(limit: number): string {
  return `3D models can be at most ${formatLimit(limit)}. Reduce texture sizes or the polygon count and export again.`;
}

// Refuses what the first 12 bytes already show (another kind of file, an old glTF, a declared size over the
// limit) before a byte is written; anything else waits for the whole file.
function inspectHead(head: Uint8Array, limit: number): UploadAllowance {
  const early = validateGlb(head, { maxBytes: limit });
  if (!early.ok && (early.code === "EMPTY_FILE" || early.code === "NOT_GLB")) throw new UploadRefusedError(415, early.message);
  if (!early.ok && early.code === "UNSUPPORTED_GLB_VERSION") throw new UploadRefusedError(422, early.message);
  if (head.length >= GLB_HEADER_BYTES) {
    const declared = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(8, true);
    if (declared > limit) throw new UploadRefusedError(413, tooLarge(limit));
  }
  return { limit, tooLarge: tooLarge(limit) };
}

/**
 * Receives a .glb for a product, checks that it really is a sound glTF 2.0 binary, stores it as the original and
 * queues its optimisation. A model the product already had is replaced and its files are queued for deletion.
 * Nothing is kept when a step fails: not the temporary file, not the stored copy, not a row.
 */
export async function uploadProductModel(
  db: Db,
  storage: ModelStorage,
  target: UploadTarget,
  body: ReadableStream<Uint8Array> | null,
): Promise<ModelView> {
  const product = await db.product.findFirst({
    where: { id: target.productId, restaurantId: target.restaurantId, restaurant: { ownerId: target.ownerId } },
    select: { id: true, restaurant: { select: { reviewState: true } } },
  });
  if (!product) throw notFound("Product");
  if (product.restaurant.reviewState === "SUSPENDED") throw invalidState("This restaurant is suspended; its menu cannot be changed");
  if (!body) throw new UploadRefusedError(400, "The upload is empty; send the .glb file as the request body");

  const limit = env.MODEL_MAX_BYTES;
  const workDir = await mkdtemp(path.join(tmpdir(), "foodar-model-"));
  try {
    const file = path.join(workDir, "model.glb");
    const { bytes } = await receiveBody(body, file, { headBytes: GLB_HEADER_BYTES, inspect: (head) => inspectHead(head, limit) });
    const content = await readFile(file);
    const validation = validateGlb(content, { maxBytes: limit });
    if (!validation.ok) throw new UploadRefusedError(422, validation.message);

    const key = modelKey(target.restaurantId, randomUUID());
    await storage.put(key, content, { contentType: GLB_CONTENT_TYPE });
    let replaced = false;
    let model;
    try {
      model = await db.$transaction(async (tx) => {
        // Serialises uploads for one product, and a product deleted meanwhile is found missing here.
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Product" WHERE id = ${product.id}::uuid AND "restaurantId" = ${target.restaurantId}::uuid FOR UPDATE`;
        if (locked.length === 0) throw notFound("Product");
        await lockModelsOf(tx, [product.id]);
        const previous = await tx.model3D.findUnique({ where: { productId: product.id } });
        const fresh = {
          storageProvider: storage.provider,
          originalKey: key,
          originalBytes: bytes,
          optimizedKey: null,
          optimizedBytes: null,
          status: "PENDING" as const,
          failureReason: null,
          widthCm: null,
          heightCm: null,
          depthCm: null,
          rescaleToCm: null,
        };
        let saved;
        if (previous) {
          saved = await tx.model3D.update({ where: { id: previous.id }, data: { ...fresh, report: Prisma.DbNull, revision: { increment: 1 } } });
          await enqueueFileDeletions(tx, modelFileDeletions(target.restaurantId, previous));
          replaced = true;
        } else {
          saved = await tx.model3D.create({ data: { productId: product.id, ...fresh } });
        }
        await queueModelOptimization(tx, { modelId: saved.id, revision: saved.revision });
        // A replaced model leaves the public menu until its new copy is ready.
        if (previous) await publishMenuChange(tx, target.restaurantId);
        return saved;
      });
    } catch (error) {
      await storage.remove([key]).catch(() => undefined);
      throw error;
    }
    if (replaced) requestFileDeletions();
    return await toModelView(model, storage);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
