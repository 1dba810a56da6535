import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "~/server/db-client";
import { publishMenuChange } from "~/server/cache/menu-cache";
import { invalidState, notFound } from "~/server/errors";
import { UnreadableMediaError, type MediaStorage, type StoredVideo } from "~/server/integrations/media/media-storage";
import { UploadRefusedError } from "~/server/services/uploads/receive-body";
import { receiveUpload } from "./receive-upload";

type UploadTarget = { ownerId: string; restaurantId: string; productId: string };

/**
 * Receives a photo or video for a product, stores it with the provider and records it as the product's last
 * medium. Nothing is kept when any step fails: not the temporary file, not the provider's copy, not a row.
 */
export async function uploadProductMedia(db: Db, storage: MediaStorage, target: UploadTarget, body: ReadableStream<Uint8Array> | null) {
  // Tenancy in the query: another owner's product is simply not found.
  const product = await db.product.findFirst({
    where: { id: target.productId, restaurantId: target.restaurantId, restaurant: { ownerId: target.ownerId } },
    select: { id: true, restaurant: { select: { reviewState: true } } },
  });
  if (!product) throw notFound("Product");
  if (product.restaurant.reviewState === "SUSPENDED") throw invalidState("This restaurant is suspended; its menu cannot be changed");
  if (!body) throw new UploadRefusedError(400, "The upload is empty; send the file as the request body");

  const workDir = await mkdtemp(path.join(tmpdir(), "foodar-upload-"));
  try {
    const file = path.join(workDir, "upload");
    const { media } = await receiveUpload(body, file);
    let stored: StoredVideo;
    try {
      stored =
        media.kind === "IMAGE"
          ? { ...(await storage.storeImage(target.restaurantId, file)), durationMs: null }
          : await storage.storeVideo(target.restaurantId, file, media.format === "mov" || media.format === "webm" ? media.format : "mp4");
    } catch (error) {
      if (error instanceof UnreadableMediaError) throw new UploadRefusedError(422, error.message);
      throw error;
    }
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.productMedia.aggregate({ where: { productId: product.id }, _max: { position: true } });
        const created = await tx.productMedia.create({
          data: { productId: product.id, kind: media.kind, provider: storage.provider, ...stored, position: (last._max.position ?? 0) + 1 },
        });
        await publishMenuChange(tx, target.restaurantId);
        return created;
      });
    } catch (error) {
      // The product may have been deleted meanwhile; its file must not stay behind.
      await storage.remove(stored.providerKey, media.kind).catch(() => undefined);
      throw error;
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
