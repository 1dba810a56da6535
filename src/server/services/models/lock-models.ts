import type { Db } from "~/server/db-client";

/**
 * Locks the model rows of these products until the transaction ends. Whoever reads a model's file keys to
 * replace or delete them takes this first: the optimisation job attaches its new file with an UPDATE of the
 * same row, so it either commits before the read (and its key is seen) or waits and finds the row changed.
 */
export async function lockModelsOf(tx: Pick<Db, "$executeRaw">, productIds: readonly string[]) {
  if (productIds.length === 0) return;
  await tx.$executeRaw`SELECT 1 FROM "Model3D" WHERE "productId" = ANY(${[...productIds]}::uuid[]) FOR UPDATE`;
}
