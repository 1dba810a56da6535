import type { FileStore, MediaKind, MediaProvider, ModelStorageProvider } from "~/generated/prisma/enums";
import type { Db } from "~/server/db-client";
import { lockModelsOf } from "~/server/services/models/lock-models";

export type FileDeletionInput = { store: FileStore; key: string; mediaKind?: MediaKind; restaurantId: string };

type Tx = Pick<Db, "fileDeletion" | "productMedia" | "model3D" | "$executeRaw">;

const MEDIA_STORES: Record<MediaProvider, FileStore> = { LOCAL: "MEDIA_LOCAL", CLOUDINARY: "MEDIA_CLOUDINARY" };
const MODEL_STORES: Record<ModelStorageProvider, FileStore> = { LOCAL: "MODEL_LOCAL", SUPABASE: "MODEL_SUPABASE" };

export function mediaFileDeletion(restaurantId: string, media: { provider: MediaProvider; providerKey: string; kind: MediaKind }): FileDeletionInput {
  return { store: MEDIA_STORES[media.provider], key: media.providerKey, mediaKind: media.kind, restaurantId };
}

export function modelFileDeletion(restaurantId: string, storageProvider: ModelStorageProvider, key: string): FileDeletionInput {
  return { store: MODEL_STORES[storageProvider], key, restaurantId };
}

export function modelFileDeletions(
  restaurantId: string,
  model: { storageProvider: ModelStorageProvider; originalKey: string; optimizedKey: string | null },
): FileDeletionInput[] {
  const keys = model.optimizedKey ? [model.originalKey, model.optimizedKey] : [model.originalKey];
  return keys.map((key) => modelFileDeletion(restaurantId, model.storageProvider, key));
}

/**
 * Must be called with the transaction that deletes the rows pointing at these files: the outbox rows commit
 * (or roll back) with the deletion, so no file is ever forgotten and none is removed while its row survives.
 * The `file-deletions` job removes them afterwards; call requestFileDeletions() once the transaction commits.
 */
export async function enqueueFileDeletions(tx: Pick<Db, "fileDeletion">, rows: readonly FileDeletionInput[]) {
  if (rows.length === 0) return;
  await tx.fileDeletion.createMany({ data: [...rows] });
}

/** Queues the photos, videos and 3D model files of the given products, which the caller is about to delete. */
export async function enqueueProductFiles(tx: Tx, restaurantId: string, productIds: readonly string[]) {
  if (productIds.length === 0) return;
  const ids = [...productIds];
  const media = await tx.productMedia.findMany({ where: { productId: { in: ids } }, select: { provider: true, providerKey: true, kind: true } });
  await lockModelsOf(tx, ids);
  const models = await tx.model3D.findMany({
    where: { productId: { in: ids } },
    select: { storageProvider: true, originalKey: true, optimizedKey: true },
  });
  await enqueueFileDeletions(tx, [
    ...media.map((item) => mediaFileDeletion(restaurantId, item)),
    ...models.flatMap((model) => modelFileDeletions(restaurantId, model)),
  ]);
}
