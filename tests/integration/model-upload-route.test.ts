import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "~/server/auth/session";
import { buildModel, triangleModel, withUint32 } from "../helpers/glb-builder";
import { createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { buildTriangle } from "../helpers/textured-model";

// The route handler is called as Next calls it, against this file's database, with the local model driver
// writing under a temporary FOODAR_DATA_DIR. The session is whoever the test says is signed in.
let t: TestDatabase;
let session: Session | null = null;
vi.mock("~/server/db", () => ({ db: t.db }));
vi.mock("~/server/auth/get-session", () => ({ getSession: async () => session }));

const MODEL_LIMIT = 1024 * 1024;
const TOO_LARGE = "3D models can be at most 1 MB. Reduce texture sizes or the polygon count and export again.";
type PostHandler = (request: Request) => Promise<Response>;
let POST: PostHandler;
let dataDir: string;
let owner: Awaited<ReturnType<typeof createUser>>;
let restaurantId: string;
let productId: string;

async function createProduct(ownerId: string, reviewState?: "SUSPENDED") {
  const restaurant = await createRestaurant(t.db, ownerId, reviewState ? { reviewState } : {});
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const product = await t.db.product.create({
    data: { restaurantId: restaurant.id, categoryId: category.id, name: "Karahi", priceMinor: 125_000, position: 1 },
  });
  return { restaurantId: restaurant.id, productId: product.id };
}

beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "foodar-model-route-"));
  vi.stubEnv("FOODAR_DATA_DIR", dataDir);
  vi.stubEnv("MODEL_MAX_BYTES", String(MODEL_LIMIT));
  vi.resetModules();
  POST = (await import("~/../app/api/uploads/model/route")).POST;
  owner = await createUser(t.db);
  ({ restaurantId, productId } = await createProduct(owner.id));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  session = sessionOf(owner);
});

function upload(
  content: Uint8Array | ReadableStream<Uint8Array>,
  target: { restaurantId: string; productId: string } = { restaurantId, productId },
) {
  const body = content instanceof ReadableStream ? content : new Uint8Array(content);
  return new Request(`http://localhost:3000/api/uploads/model?${new URLSearchParams(target)}`, {
    method: "POST",
    headers: { "content-type": "model/gltf-binary" },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
}

async function storedFiles(): Promise<string[]> {
  try {
    return (await readdir(path.join(dataDir, "storage", "models"), { recursive: true })).filter((name) => name.endsWith(".glb"));
  } catch {
    return [];
  }
}

const modelTemps = async () => (await readdir(tmpdir())).filter((name) => name.startsWith("foodar-model-") && !name.startsWith("foodar-model-route-"));

async function queuedOptimizations() {
  return t.db.$queryRaw<{ data: { modelId: string; revision: number } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'model-optimization' ORDER BY created_on`;
}

/** Everything a refused upload must leave as it was. */
async function snapshot() {
  return { models: await t.db.model3D.findMany(), files: await storedFiles(), jobs: (await queuedOptimizations()).length };
}

async function expectRefused(response: Response, status: number, error: RegExp | string, before: Awaited<ReturnType<typeof snapshot>>) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error: typeof error === "string" ? error : expect.stringMatching(error) });
  expect(await snapshot()).toEqual(before);
  expect(await modelTemps()).toEqual([]);
}

describe("POST /api/uploads/model", () => {
  it("stores a valid GLB as the original, records the model as PENDING and queues its optimisation with it", async () => {
    const glb = await buildTriangle(0.2);
    const response = await POST(upload(glb));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; status: string; originalBytes: number; previewUrl: string | null };
    expect(body).toMatchObject({ status: "PENDING", originalBytes: glb.byteLength, optimizedBytes: null, previewUrl: null, size: null });
    const row = await t.db.model3D.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ productId, storageProvider: "LOCAL", revision: 0, optimizedKey: null });
    expect(row.originalKey).toMatch(new RegExp(`^${restaurantId}/[0-9a-f-]{36}\\.glb$`));
    expect(await storedFiles()).toEqual([row.originalKey.replace("/", path.sep)]);
    expect(await queuedOptimizations()).toEqual([{ data: { modelId: row.id, revision: 0 } }]);
    expect(await modelTemps()).toEqual([]);
  });

  it("replaces the product's model: same row, next revision, the old files queued for deletion and a new job", async () => {
    const before = await t.db.model3D.findUniqueOrThrow({ where: { productId } });
    await t.db.model3D.update({ where: { id: before.id }, data: { optimizedKey: `${restaurantId}/${before.id}-optimized.glb` } });
    const response = await POST(upload(await buildTriangle(0.3)));
    expect(response.status).toBe(201);
    const after = await t.db.model3D.findUniqueOrThrow({ where: { productId } });
    expect(after).toMatchObject({ id: before.id, revision: 1, status: "PENDING", optimizedKey: null, optimizedBytes: null });
    expect(after.originalKey).not.toBe(before.originalKey);
    const queued = await t.db.fileDeletion.findMany({ where: { restaurantId }, orderBy: { key: "asc" } });
    expect(queued.map((row) => [row.store, row.key])).toEqual(
      [
        ["MODEL_LOCAL", before.originalKey],
        ["MODEL_LOCAL", `${restaurantId}/${before.id}-optimized.glb`],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    expect((await queuedOptimizations()).at(-1)).toEqual({ data: { modelId: after.id, revision: 1 } });
  });

  describe("refuses, changing nothing", () => {
    it("a PNG, naming what it is (415)", async () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
      await expectRefused(await POST(upload(new Uint8Array(png))), 415, /^This file is a PNG image, not a GLB 3D model/, await snapshot());
    });

    it("an empty body (415)", async () => {
      await expectRefused(await POST(upload(new Uint8Array())), 415, "The file is empty. Upload the .glb file again.", await snapshot());
    });

    it("a glTF 1.0 binary (422)", async () => {
      const old = withUint32(buildModel(triangleModel()), 4, 1);
      await expectRefused(await POST(upload(old)), 422, /^This is an old glTF 1\.0 binary file/, await snapshot());
    });

    it("a file cut short (422)", async () => {
      const whole = buildModel(triangleModel());
      await expectRefused(await POST(upload(whole.subarray(0, whole.length - 10))), 422, /^The file is cut short/, await snapshot());
    });

    it("a buffer view that points outside the binary chunk (422)", async () => {
      const model = triangleModel();
      model.json.bufferViews[0] = { ...model.json.bufferViews[0], byteOffset: 10_000 };
      await expectRefused(await POST(upload(buildModel(model))), 422, /buffer view/i, await snapshot());
    });

    it("a header that declares more than the limit, before reading on (413)", async () => {
      const declared = withUint32(buildModel(triangleModel()), 8, MODEL_LIMIT * 4);
      await expectRefused(await POST(upload(declared)), 413, TOO_LARGE, await snapshot());
    });

    it("a stream that runs past the limit, stopping at it (413)", async () => {
      const before = await snapshot();
      const header = buildModel(triangleModel()).subarray(0, 12);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = sent === 0 ? Buffer.concat([header, randomBytes(64 * 1024 - 12)]) : randomBytes(64 * 1024);
          sent += chunk.length;
          if (sent > 50 * MODEL_LIMIT) controller.close();
          else controller.enqueue(chunk);
        },
      });
      await expectRefused(await POST(upload(body)), 413, TOO_LARGE, before);
      expect(sent).toBeLessThan(2 * MODEL_LIMIT);
    });

    it("another owner's product (404), a suspended restaurant (423), no session (401), a malformed id (400)", async () => {
      const before = await snapshot();
      const glb = await buildTriangle();
      const theirs = await createProduct((await createUser(t.db)).id);
      expect((await POST(upload(glb, theirs))).status).toBe(404);
      const mixed = await POST(upload(glb, { restaurantId, productId: theirs.productId }));
      expect(await mixed.json()).toEqual({ error: "Product not found" });
      const suspended = await POST(upload(glb, await createProduct(owner.id, "SUSPENDED")));
      expect(suspended.status).toBe(423);
      session = null;
      expect((await POST(upload(glb))).status).toBe(401);
      session = sessionOf(owner);
      const malformed = await POST(upload(glb, { restaurantId, productId: "nope" }));
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toEqual({ error: "Unknown product" });
      expect(await snapshot()).toEqual(before);
    });
  });
});
