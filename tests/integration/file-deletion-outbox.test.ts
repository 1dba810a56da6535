import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { createDb } from "~/server/db-client";
import { createLocalMailboxSender } from "~/server/integrations/email/local-mailbox";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { createLocalModelStorage } from "~/server/integrations/model-storage/local-model-storage";
import { startJobRunner } from "~/server/jobs/job-runner";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { enqueueFileDeletions, type FileDeletionInput } from "~/server/services/files/file-deletions";
import { FileDeletionsFailedError, processFileDeletions } from "~/server/services/files/process-file-deletions";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let owner: User;
let restaurantId: string;

async function createProductWithFiles(name: string) {
  const category = await t.db.category.create({ data: { restaurantId, name: `${name} category`, position: 1 } });
  const product = await t.db.product.create({ data: { restaurantId, categoryId: category.id, name, priceMinor: 50_000, position: 1 } });
  await t.db.productMedia.create({
    data: { productId: product.id, kind: "IMAGE", provider: "CLOUDINARY", providerKey: `foodar/${product.id}`, url: "https://x/p.jpg", bytes: 1, position: 1 },
  });
  await t.db.model3D.create({
    data: { productId: product.id, storageProvider: "LOCAL", originalKey: `${restaurantId}/${product.id}.glb`, optimizedKey: `${restaurantId}/${product.id}-opt.glb`, originalBytes: 1 },
  });
  return { categoryId: category.id, productId: product.id };
}

const pendingRow = (key: string): FileDeletionInput => ({ store: "MEDIA_LOCAL", key, mediaKind: "IMAGE", restaurantId });

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db);
  restaurantId = (await createRestaurant(t.db, owner.id)).id;
});

beforeEach(async () => {
  await t.db.fileDeletion.deleteMany({});
});

describe("file deletion outbox", () => {
  it("queues a deleted product's photo and model files in the deleting transaction, and nothing when it rolls back", async () => {
    const api = callerFor(t.db, sessionOf(owner));
    const kept = await createProductWithFiles("Undeletable");
    // A failure after the files were queued, inside the same transaction: the queued rows must roll back with it.
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_undeletable() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_undeletable BEFORE DELETE ON "Product" FOR EACH ROW WHEN (OLD.name = 'Undeletable') EXECUTE FUNCTION refuse_undeletable();`);
    await expect(api.menu.products.delete({ restaurantId, productId: kept.productId })).rejects.toThrow();
    expect(await t.db.fileDeletion.count()).toBe(0);
    expect(await t.db.product.count({ where: { id: kept.productId } })).toBe(1);

    const deleted = await createProductWithFiles("Biryani");
    await api.menu.products.delete({ restaurantId, productId: deleted.productId });
    const rows = await t.db.fileDeletion.findMany();
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(rows.map(({ store, key, mediaKind }) => ({ store, key, mediaKind })).toSorted(byKey)).toEqual(
      [
        { store: "MEDIA_CLOUDINARY", key: `foodar/${deleted.productId}`, mediaKind: "IMAGE" },
        { store: "MODEL_LOCAL", key: `${restaurantId}/${deleted.productId}.glb`, mediaKind: null },
        { store: "MODEL_LOCAL", key: `${restaurantId}/${deleted.productId}-opt.glb`, mediaKind: null },
      ].toSorted(byKey),
    );
    expect(rows.every((row) => row.restaurantId === restaurantId && row.doneAt === null)).toBe(true);
  });

  it("queues the files of the products deleted with their category", async () => {
    const { categoryId, productId } = await createProductWithFiles("Karahi");
    await callerFor(t.db, sessionOf(owner)).menu.categories.delete({ restaurantId, categoryId, products: { action: "delete" } });
    expect(await t.db.fileDeletion.count({ where: { key: { contains: productId } } })).toBe(3);
  });

  it("retries a failing provider until the file is gone", async () => {
    await enqueueFileDeletions(t.db, [pendingRow("flaky.webp")]);
    const removed: string[] = [];
    let calls = 0;
    const removers = {
      MEDIA_LOCAL: async (key: string) => {
        calls += 1;
        if (calls <= 2) throw new Error(`provider down (${calls})`);
        removed.push(key);
      },
    };
    await expect(processFileDeletions(t.db, removers)).rejects.toBeInstanceOf(FileDeletionsFailedError);
    expect(await t.db.fileDeletion.findFirstOrThrow()).toMatchObject({ attempts: 1, lastError: "provider down (1)", doneAt: null });
    await expect(processFileDeletions(t.db, removers)).rejects.toBeInstanceOf(FileDeletionsFailedError);
    expect(await processFileDeletions(t.db, removers)).toEqual({ removed: 1 });
    expect(removed).toEqual(["flaky.webp"]);
    expect(await t.db.fileDeletion.findFirstOrThrow()).toMatchObject({ attempts: 3, lastError: null, doneAt: expect.any(Date) });
    // Done rows are not touched again.
    expect(await processFileDeletions(t.db, removers)).toEqual({ removed: 0 });
  });

  it("removes each file exactly once when two workers run at the same time", async () => {
    const keys = Array.from({ length: 20 }, (_, index) => `file-${index}.webp`);
    await enqueueFileDeletions(t.db, keys.map(pendingRow));
    const removed: string[] = [];
    const removers = {
      MEDIA_LOCAL: async (key: string) => {
        removed.push(key);
        await sleep(5);
      },
    };
    const other = createDb(t.url);
    try {
      const [first, second] = await Promise.all([processFileDeletions(t.db, removers), processFileDeletions(other, removers)]);
      expect(first.removed + second.removed).toBe(keys.length);
      expect(first.removed).toBeGreaterThan(0);
      expect(second.removed).toBeGreaterThan(0);
    } finally {
      await other.$disconnect();
    }
    expect(removed.toSorted()).toEqual(keys.toSorted());
    expect(await t.db.fileDeletion.count({ where: { doneAt: null } })).toBe(0);
  });

  it("runs a requested job end to end on pg-boss and stops cleanly", async () => {
    const removed: string[] = [];
    const runner = await startJobRunner({
      connectionString: t.url,
      removers: { MEDIA_LOCAL: async (key) => void removed.push(key) },
      modelStorage: createLocalModelStorage({ root: path.join(tmpdir(), "foodar-outbox-models-unused"), secret: "s".repeat(32) }),
      emailSender: createLocalMailboxSender({ dir: path.join(tmpdir(), "foodar-outbox-mailbox-unused") }),
      usageReporter: createSandboxUsageReporter({ dir: path.join(tmpdir(), "foodar-outbox-usage-unused") }),
      modelTimeoutMs: 60_000,
      pollingIntervalSeconds: 0.5,
    });
    try {
      expect((await runner.boss.getSchedules()).map((schedule) => schedule.name)).toContain("file-deletions");
      await enqueueFileDeletions(t.db, [pendingRow("queued.webp")]);
      requestFileDeletions();
      // The remover runs inside the job's transaction; the row is marked done only when that commits.
      const deadline = Date.now() + 10_000;
      while ((await t.db.fileDeletion.count({ where: { doneAt: { not: null } } })) === 0 && Date.now() < deadline) await sleep(100);
      expect(removed).toEqual(["queued.webp"]);
      expect(await t.db.fileDeletion.findFirstOrThrow()).toMatchObject({ attempts: 1, doneAt: expect.any(Date) });
    } finally {
      await runner.stop();
    }
  });
});
