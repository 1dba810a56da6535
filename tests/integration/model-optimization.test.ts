import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import { createLocalMailboxSender } from "~/server/integrations/email/local-mailbox";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { createLocalModelStorage } from "~/server/integrations/model-storage/local-model-storage";
import { ModelStorageError, type ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { startJobRunner } from "~/server/jobs/job-runner";
import { measureGlb } from "~/server/services/models/measure-model";
import { getProductModel } from "~/server/services/models/product-model";
import { failAbandonedOptimization, runModelOptimization } from "~/server/services/models/run-model-optimization";
import { uploadProductModel } from "~/server/services/models/upload-product-model";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";
import { buildTexturedModel, buildTriangle } from "../helpers/textured-model";

let t: TestDatabase;
let owner: User;
let root: string;
let storage: ModelStorage;
const SECRET = "model-optimization-test-secret-32-chars";
const RUN = { timeoutMs: 60_000, lastAttempt: false };

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db);
  root = await mkdtemp(path.join(tmpdir(), "foodar-model-job-"));
  storage = createLocalModelStorage({ root, secret: SECRET });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function createProduct(ownerId = owner.id) {
  const restaurant = await createRestaurant(t.db, ownerId);
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const product = await t.db.product.create({
    data: { restaurantId: restaurant.id, categoryId: category.id, name: "Biryani", priceMinor: 90_000, position: 1 },
  });
  return { restaurantId: restaurant.id, productId: product.id };
}

const streamOf = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]).stream();

async function uploaded(glb: Uint8Array, target?: { restaurantId: string; productId: string }) {
  const ids = target ?? (await createProduct());
  const view = await uploadProductModel(t.db, storage, { ownerId: owner.id, ...ids }, streamOf(glb));
  return { ...ids, view, job: { modelId: view.id, revision: 0 } };
}

const model = (id: string) => t.db.model3D.findUniqueOrThrow({ where: { id } });
const filesOf = async (restaurantId: string) => (await readdir(path.join(root, restaurantId)).catch(() => [])).toSorted();
const pendingDeletions = (restaurantId: string) =>
  t.db.fileDeletion.findMany({ where: { restaurantId, doneAt: null }, select: { key: true }, orderBy: { key: "asc" } });

/** A storage that fails (or stalls) reading, as an outage would; writes go to the real one. */
function withRead(read: ModelStorage["read"]): ModelStorage {
  return { ...storage, read };
}

describe("the optimisation job", () => {
  it("optimises the original, stores the copy, and records sizes, box and report", async () => {
    const { productId, restaurantId, job, view } = await uploaded(await buildTexturedModel({ segments: 64, rings: 32, textureSize: 512 }));
    expect(await runModelOptimization(t.db, storage, job, RUN)).toBe("ready");
    const row = await model(job.modelId);
    expect(row).toMatchObject({ status: "READY", failureReason: null, originalBytes: view.originalBytes });
    expect(row.optimizedKey).toMatch(new RegExp(`^${restaurantId}/[0-9a-f-]{36}-optimized\\.glb$`));
    expect(row.optimizedBytes).toBeLessThan(row.originalBytes);
    expect(row.widthCm).toBeCloseTo(20, 0);
    expect(row.report).toMatchObject({ inputBytes: row.originalBytes, outputBytes: row.optimizedBytes, targetMet: true });
    expect(await filesOf(restaurantId)).toEqual([row.originalKey, row.optimizedKey].map((key) => key!.split("/")[1]).toSorted());

    const shown = await getProductModel(t.db, storage, restaurantId, productId);
    expect(shown).toMatchObject({ status: "READY", optimizedBytes: row.optimizedBytes, sizeWarning: null });
    expect(shown?.reductionPercent).toBeGreaterThan(0);
    expect(shown?.previewUrl).toMatch(new RegExp(`^/api/files/models/${row.optimizedKey}\\?expires=\\d+&sig=`));
    expect(await storage.read(row.optimizedKey!)).toHaveLength(row.optimizedBytes!);
  });

  it("warns about a model in the wrong unit, and a rescale re-runs the job at the owner's size, keeping the original", async () => {
    const { productId, restaurantId, job } = await uploaded(await buildTriangle(0.004));
    await runModelOptimization(t.db, storage, job, RUN);
    const first = await model(job.modelId);
    const caller = callerFor(t.db, sessionOf(owner));
    expect((await caller.menu.models.get({ restaurantId, productId }))?.sizeWarning).toMatch(/^This dish is 0\.4 cm wide — .*Rescale it/);

    const asked = await caller.menu.models.rescale({ restaurantId, productId, largestSideCm: 24 });
    expect(asked).toMatchObject({ status: "PENDING", rescaleToCm: 24, previewUrl: expect.stringContaining(first.optimizedKey!) });
    const queued = await t.db.$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = 'model-optimization' ORDER BY created_on DESC LIMIT 1`;
    expect(queued[0]?.data).toEqual({ modelId: job.modelId, revision: 1 });

    expect(await runModelOptimization(t.db, storage, { modelId: job.modelId, revision: 1 }, RUN)).toBe("ready");
    const rescaled = await model(job.modelId);
    expect(rescaled.originalKey).toBe(first.originalKey);
    expect(rescaled.optimizedKey).not.toBe(first.optimizedKey);
    expect(rescaled.widthCm).toBeCloseTo(24, 1);
    expect((await measureGlb(await storage.read(rescaled.optimizedKey!)))?.widthCm).toBeCloseTo(24, 1);
    expect(rescaled.report).toMatchObject({ rescaledToCm: 24, outputBytes: rescaled.optimizedBytes });
    expect((await caller.menu.models.get({ restaurantId, productId }))?.sizeWarning).toBeNull();
    expect(await pendingDeletions(restaurantId)).toEqual([{ key: first.optimizedKey }]);
  });

  it("changes nothing for a job the model has moved on from, and leaves no file", async () => {
    const { restaurantId, job } = await uploaded(await buildTriangle());
    await t.db.model3D.update({ where: { id: job.modelId }, data: { revision: 1 } });
    const files = await filesOf(restaurantId);
    expect(await runModelOptimization(t.db, storage, job, RUN)).toBe("stale");
    expect(await model(job.modelId)).toMatchObject({ status: "PENDING", optimizedKey: null });
    expect(await filesOf(restaurantId)).toEqual(files);
  });

  it("records a result that lost the race with a replacement as a file to delete, not as the model", async () => {
    const { restaurantId, productId, job } = await uploaded(await buildTriangle());
    // The replacement commits while the job is reading the original.
    const racing = withRead(async (key) => {
      const bytes = await storage.read(key);
      await uploadProductModel(t.db, storage, { ownerId: owner.id, restaurantId, productId }, streamOf(await buildTriangle(0.3)));
      return bytes;
    });
    expect(await runModelOptimization(t.db, racing, job, RUN)).toBe("stale");
    const row = await model(job.modelId);
    expect(row).toMatchObject({ revision: 1, status: "PENDING", optimizedKey: null });
    const queued = (await pendingDeletions(restaurantId)).map((deletion) => deletion.key);
    expect(queued.filter((key) => key.endsWith("-optimized.glb"))).toHaveLength(1);
  });

  it("fails a model whose stored original is no longer a GLB at once, with the reason, without retrying", async () => {
    const { job } = await uploaded(await buildTriangle());
    const corrupt = withRead(async () => new TextEncoder().encode("not a model any more"));
    expect(await runModelOptimization(t.db, corrupt, job, RUN)).toBe("failed");
    expect(await model(job.modelId)).toMatchObject({
      status: "FAILED",
      failureReason: expect.stringMatching(/^The stored model is not a valid GLB any more: This file is not a GLB 3D model/),
    });
  });

  it("throws a storage outage so the queue retries it, and the last attempt records why it gave up", async () => {
    const { job } = await uploaded(await buildTriangle());
    const down = withRead(async () => {
      throw new ModelStorageError("Supabase Storage refused to read the model (HTTP 503): unavailable");
    });
    await expect(runModelOptimization(t.db, down, job, RUN)).rejects.toThrow(/HTTP 503/);
    expect(await model(job.modelId)).toMatchObject({ status: "PROCESSING", failureReason: null });
    await expect(runModelOptimization(t.db, down, job, { ...RUN, lastAttempt: true })).rejects.toThrow(/HTTP 503/);
    expect(await model(job.modelId)).toMatchObject({
      status: "FAILED",
      failureReason: "Processing failed 3 times (Supabase Storage refused to read the model (HTTP 503): unavailable). Upload the model again in a few minutes.",
    });
  });

  it("abandons an attempt that outlives its timeout, and the abandoned work stores nothing when it finishes", async () => {
    const { restaurantId, job } = await uploaded(await buildTriangle());
    const files = await filesOf(restaurantId);
    let released!: () => void;
    const stalled = withRead(async (key) => {
      await new Promise<void>((resolve) => (released = resolve));
      return storage.read(key);
    });
    await expect(runModelOptimization(t.db, stalled, job, { timeoutMs: 50, lastAttempt: true })).rejects.toThrow(/^Optimising took longer than 0 s$/);
    expect(await model(job.modelId)).toMatchObject({
      status: "FAILED",
      failureReason: "Optimising took longer than 0 s, 3 times. Reduce the polygon count or texture sizes and upload the model again.",
    });
    released();
    await sleep(300);
    expect(await filesOf(restaurantId)).toEqual(files);
    expect(await model(job.modelId)).toMatchObject({ status: "FAILED", optimizedKey: null });
  });

  it("marks a model FAILED when its job reaches the dead-letter queue, unless it has moved on", async () => {
    const { job } = await uploaded(await buildTriangle());
    await failAbandonedOptimization(t.db, { ...job, revision: 7 });
    expect(await model(job.modelId)).toMatchObject({ status: "PENDING" });
    await failAbandonedOptimization(t.db, job);
    expect(await model(job.modelId)).toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/^Processing did not finish after 3 attempts/) });
  });
});

describe("menu.models", () => {
  it("removes the model and queues both of its files", async () => {
    const { restaurantId, productId, job } = await uploaded(await buildTriangle());
    await runModelOptimization(t.db, storage, job, RUN);
    const row = await model(job.modelId);
    expect(await callerFor(t.db, sessionOf(owner)).menu.models.remove({ restaurantId, productId })).toEqual({ removed: true });
    expect(await t.db.model3D.findUnique({ where: { id: row.id } })).toBeNull();
    expect((await pendingDeletions(restaurantId)).map((deletion) => deletion.key)).toEqual([row.originalKey, row.optimizedKey].toSorted());
    expect(await callerFor(t.db, sessionOf(owner)).menu.models.get({ restaurantId, productId })).toBeNull();
  });

  it("deleting the product queues the model's files too", async () => {
    const { restaurantId, productId, job } = await uploaded(await buildTriangle());
    await runModelOptimization(t.db, storage, job, RUN);
    const row = await model(job.modelId);
    await callerFor(t.db, sessionOf(owner)).menu.products.delete({ restaurantId, productId });
    expect((await pendingDeletions(restaurantId)).map((deletion) => deletion.key)).toEqual([row.originalKey, row.optimizedKey].toSorted());
  });

  it("another owner gets NOT_FOUND from get, rescale and remove, and the model is unchanged", async () => {
    const { restaurantId, productId, job } = await uploaded(await buildTriangle());
    const before = await model(job.modelId);
    const stranger = await createUser(t.db);
    const strangers = await createRestaurant(t.db, stranger.id);
    const asStranger = callerFor(t.db, sessionOf(stranger));
    for (const target of [{ restaurantId, productId }, { restaurantId: strangers.id, productId }]) {
      await expect(asStranger.menu.models.get(target)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(asStranger.menu.models.rescale({ ...target, largestSideCm: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(asStranger.menu.models.remove(target)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await model(job.modelId)).toEqual(before);
  });

  it("refuses a size outside 1–200 cm or not a number with the field's message, over HTTP, changing nothing", async () => {
    const { restaurantId, productId, job } = await uploaded(await buildTriangle());
    const before = await model(job.modelId);
    const context = { db: t.db, session: sessionOf(owner), requestId: "test", now: () => new Date() };
    for (const [largestSideCm, message] of [
      [0.5, "The dish must be at least 1 cm across"],
      [500, "The dish can be at most 200 cm across"],
      ["24", "Enter the dish's real size in centimetres"],
    ] as const) {
      const result = await callOverHttp(context, "menu.models.rescale", { restaurantId, productId, largestSideCm });
      expect(result.status).toBe(400);
      expect(result.error?.data.fieldErrors?.largestSideCm).toEqual([message]);
    }
    expect(await model(job.modelId)).toEqual(before);
  });
});

describe("on pg-boss", () => {
  it("an upload becomes READY through the runner, and an attempt that throws is retried", async () => {
    const { job } = await uploaded(await buildTriangle());
    const { originalKey } = await model(job.modelId);
    // Earlier tests left jobs in this database's queue too; only this model's reads are counted.
    let reads = 0;
    const flaky = withRead(async (key) => {
      if (key === originalKey && ++reads === 1) throw new ModelStorageError("Storage hiccup");
      return storage.read(key);
    });
    const runner = await startJobRunner({
      connectionString: t.url,
      removers: {},
      modelStorage: flaky,
      emailSender: createLocalMailboxSender({ dir: path.join(tmpdir(), "foodar-model-test-mailbox-unused") }),
      usageReporter: createSandboxUsageReporter({ dir: path.join(tmpdir(), "foodar-model-test-usage-unused") }),
      modelTimeoutMs: 30_000,
      pollingIntervalSeconds: 0.5,
    });
    try {
      const deadline = Date.now() + 30_000;
      while ((await model(job.modelId)).status !== "READY" && Date.now() < deadline) await sleep(200);
      expect(await model(job.modelId)).toMatchObject({ status: "READY" });
      expect(reads).toBe(2);
    } finally {
      await runner.stop();
    }
  }, 45_000);
});
