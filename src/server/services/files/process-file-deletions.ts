import type { FileStore, MediaKind } from "~/generated/prisma/enums";
import type { Db } from "~/server/db-client";

/** Removes one file from one store; removing a file that is already gone must succeed (retries depend on it). */
export type FileRemover = (key: string, mediaKind: MediaKind | null) => Promise<void>;

/** The stores this process can reach; rows of any other store wait for a process configured for it. */
export type FileRemovers = Partial<Record<FileStore, FileRemover>>;

export class FileDeletionsFailedError extends Error {
  constructor(readonly failed: number) {
    super(`${failed} file ${failed === 1 ? "deletion" : "deletions"} failed and will be retried`);
    this.name = "FileDeletionsFailedError";
  }
}

type Claimed = { id: string; store: FileStore; key: string; mediaKind: MediaKind | null };

// A provider call can be slow; the row stays locked (and so invisible to other workers) for this long at most.
const ROW_TIMEOUT_MS = 60_000;

/**
 * Removes pending files one row at a time, each inside its own transaction holding the row FOR UPDATE SKIP
 * LOCKED, so concurrent workers never remove the same file twice and a crash leaves the row pending. A row
 * that fails records the attempt and its error and is not retried in the same run; if any failed, this throws
 * so that the job runner retries the run with its backoff.
 */
export async function processFileDeletions(db: Db, removers: FileRemovers, options: { limit?: number } = {}) {
  const stores = Object.keys(removers) as FileStore[];
  const failedIds: string[] = [];
  let removed = 0;
  for (let processed = 0; processed < (options.limit ?? 500); processed += 1) {
    const outcome = await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<Claimed[]>`
          SELECT "id", "store", "key", "mediaKind" FROM "FileDeletion"
          WHERE "doneAt" IS NULL AND "store"::text = ANY(${stores}) AND NOT ("id" = ANY(${failedIds}::uuid[]))
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return "empty";
        const remove = removers[row.store];
        try {
          if (!remove) throw new Error(`No remover for ${row.store}`);
          await remove(row.key, row.mediaKind);
        } catch (error) {
          await tx.fileDeletion.update({
            where: { id: row.id },
            data: { attempts: { increment: 1 }, lastError: error instanceof Error ? error.message : String(error) },
          });
          failedIds.push(row.id);
          return "failed";
        }
        await tx.fileDeletion.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: null, doneAt: new Date() } });
        return "removed";
      },
      { timeout: ROW_TIMEOUT_MS },
    );
    if (outcome === "empty") break;
    if (outcome === "removed") removed += 1;
  }
  if (failedIds.length > 0) throw new FileDeletionsFailedError(failedIds.length);
  return { removed };
}
