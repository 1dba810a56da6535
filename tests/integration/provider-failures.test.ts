import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { User } from "~/generated/prisma/client";
import { createResendEmailSender, RESEND_API_URL } from "~/server/integrations/email/resend-email-sender";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { MediaStorageError, type MediaStorage } from "~/server/integrations/media/media-storage";
import { ModelStorageError, type ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { createSupabaseModelStorage } from "~/server/integrations/model-storage/supabase-model-storage";
import { FILE_DELETIONS_QUEUE } from "~/server/jobs/job-queues";
import { startJobRunner } from "~/server/jobs/job-runner";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";
import { enqueueEmail } from "~/server/services/email/enqueue-email";
import { enqueueFileDeletions } from "~/server/services/files/file-deletions";
import { uploadProductMedia } from "~/server/services/media/upload-product-media";
import { uploadProductModel } from "~/server/services/models/upload-product-model";
import { createRestaurant, createUser } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { buildTriangle } from "../helpers/textured-model";
import { until } from "../helpers/until";

// Resend, Cloudinary and Supabase Storage fail the first calls (5xx, rate limit, timeout, a dropped connection),
// then recover. The real drivers talk to their real addresses, answered by msw (any request it has no handler for
// is an error); the real services and the real job runner (pg-boss) drive them. Each file checks what its vendor
// keeps: Resend's Idempotency-Key, Cloudinary's objects, Supabase's bucket.

const CLOUD = "foodar-faults";
const CLOUDINARY_KEY = "987654321098765";
// The SDK reads CLOUDINARY_URL when it is first loaded, so this runs before the imports.
vi.hoisted(() => {
  process.env.CLOUDINARY_URL = "cloudinary://987654321098765:cloudinary-faults-secret@foodar-faults";
});
const SUPABASE_URL = "https://foodar-faults.supabase.co";
const SUPABASE_KEY = "supabase-faults-service-role";
const BUCKET = "models";
const RESEND_KEY = "re_faults_1234567890";

/** How the next calls of one kind fail; an empty script means the provider works. */
type Failure = "500" | "503" | "429" | "timeout" | "drop" | "accept-then-drop";
const scripts: Record<"resend" | "cloudinaryUpload" | "cloudinaryDestroy" | "supabaseUpload" | "supabaseRemove", Failure[]> = {
  resend: [],
  cloudinaryUpload: [],
  cloudinaryDestroy: [],
  supabaseUpload: [],
  supabaseRemove: [],
};
const calls = { resend: [] as string[], cloudinaryUpload: 0, cloudinaryDestroy: [] as string[], supabaseUpload: [] as string[], supabaseRemove: [] as string[] };
/** What each provider holds: Resend's sent messages by Idempotency-Key, Cloudinary's and Supabase's objects. */
const resendSent = new Map<string, string>();
const cloudinaryObjects = new Set<string>();
const supabaseObjects = new Map<string, Uint8Array>();

function failWith(failure: Failure) {
  if (failure === "drop" || failure === "accept-then-drop") return HttpResponse.error();
  const status = Number(failure);
  return HttpResponse.json({ statusCode: status, name: status === 429 ? "rate_limit_exceeded" : "internal_server_error", message: `scripted ${failure}` }, { status });
}

const providers = setupServer(
  http.post(`${RESEND_API_URL}/emails`, async ({ request }) => {
    if (request.headers.get("authorization") !== `Bearer ${RESEND_KEY}`) return HttpResponse.json({ statusCode: 401, name: "validation_error", message: "API key is invalid" }, { status: 401 });
    const key = request.headers.get("idempotency-key") ?? "";
    calls.resend.push(key);
    const failure = scripts.resend.shift();
    if (failure === "timeout") {
      await delay(2_000);
      return HttpResponse.json({ id: "too-late" });
    }
    // Resend took the message, but the answer never reached us.
    if (failure === "accept-then-drop" && !resendSent.has(key)) resendSent.set(key, `resend-${randomUUID()}`);
    if (failure) return failWith(failure);
    // Resend's promise: the same key gets the first send's answer, not a second email.
    if (!resendSent.has(key)) resendSent.set(key, `resend-${randomUUID()}`);
    return HttpResponse.json({ id: resendSent.get(key) });
  }),
  http.post(`https://api.cloudinary.com/v1_1/${CLOUD}/:type/upload`, async ({ request, params }) => {
    const form = await request.formData();
    if (form.get("api_key") !== CLOUDINARY_KEY || !form.get("signature")) return HttpResponse.json({ error: { message: "Invalid Signature" } }, { status: 401 });
    calls.cloudinaryUpload += 1;
    const failure = scripts.cloudinaryUpload.shift();
    if (failure) return failure === "drop" ? HttpResponse.error() : HttpResponse.json({ error: { message: `scripted ${failure}` } }, { status: Number(failure) });
    const publicId = `${String(form.get("folder"))}/${randomUUID().slice(0, 8)}`;
    cloudinaryObjects.add(publicId);
    return HttpResponse.json({ public_id: publicId, version: 1700000000, resource_type: params.type, format: "jpg", width: 64, height: 64, bytes: 1234 });
  }),
  http.post(`https://api.cloudinary.com/v1_1/${CLOUD}/:type/destroy`, async ({ request }) => {
    const form = await request.formData();
    if (form.get("api_key") !== CLOUDINARY_KEY || !form.get("signature")) return HttpResponse.json({ error: { message: "Invalid Signature" } }, { status: 401 });
    const publicId = String(form.get("public_id"));
    calls.cloudinaryDestroy.push(publicId);
    const failure = scripts.cloudinaryDestroy.shift();
    if (failure) return failure === "drop" ? HttpResponse.error() : HttpResponse.json({ error: { message: `scripted ${failure}` } }, { status: Number(failure) });
    return HttpResponse.json({ result: cloudinaryObjects.delete(publicId) ? "ok" : "not found" });
  }),
  http.all(`${SUPABASE_URL}/storage/v1/object/${BUCKET}*`, async ({ request }) => {
    if (request.headers.get("apikey") !== SUPABASE_KEY || request.headers.get("authorization") !== `Bearer ${SUPABASE_KEY}`) {
      return HttpResponse.json({ statusCode: "403", error: "Unauthorized", message: "invalid signature" }, { status: 400 });
    }
    const key = decodeURIComponent(new URL(request.url).pathname.replace(`/storage/v1/object/${BUCKET}`, "").replace(/^\//, ""));
    if (request.method === "DELETE" && key === "") {
      const { prefixes } = (await request.json()) as { prefixes: string[] };
      calls.supabaseRemove.push(...prefixes);
      const failure = scripts.supabaseRemove.shift();
      if (failure) return failWith(failure);
      const removed = prefixes.filter((prefix) => supabaseObjects.delete(prefix));
      return HttpResponse.json(removed.map((name) => ({ name, bucket_id: BUCKET })));
    }
    if (request.method === "POST") {
      const bytes = new Uint8Array(await request.arrayBuffer());
      calls.supabaseUpload.push(key);
      const failure = scripts.supabaseUpload.shift();
      if (failure) return failWith(failure);
      if (supabaseObjects.has(key) && request.headers.get("x-upsert") !== "true") return HttpResponse.json({ statusCode: "409", error: "Duplicate", message: "exists" }, { status: 400 });
      supabaseObjects.set(key, bytes);
      return HttpResponse.json({ Key: `${BUCKET}/${key}`, Id: randomUUID() });
    }
    if (request.method === "GET") {
      const stored = supabaseObjects.get(key);
      if (!stored) return HttpResponse.json({ statusCode: "404", error: "not_found", message: "Object not found" }, { status: 400 });
      return new HttpResponse(stored, { headers: { "content-type": "model/gltf-binary" } });
    }
    return HttpResponse.json({ statusCode: "404", error: "not_found", message: `no route ${request.method}` }, { status: 400 });
  }),
);

let t: TestDatabase;
let owner: User;
let dataDir: string;
let cloudinary: MediaStorage;
let supabase: ModelStorage;

beforeAll(async () => {
  providers.listen({ onUnhandledRequest: "error" });
  t = await createTestDatabase();
  owner = await createUser(t.db);
  dataDir = await mkdtemp(path.join(tmpdir(), "foodar-provider-faults-"));
  cloudinary = (await import("~/server/integrations/media/cloudinary-media-storage")).createCloudinaryMediaStorage();
  supabase = createSupabaseModelStorage({ url: SUPABASE_URL, serviceRoleKey: SUPABASE_KEY, bucket: BUCKET });
});

afterAll(async () => {
  providers.close();
  delete process.env.CLOUDINARY_URL;
  await rm(dataDir, { recursive: true, force: true });
});

async function createProduct() {
  const restaurant = await createRestaurant(t.db, owner.id);
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const product = await t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name: "Karahi", priceMinor: 125_000, position: 1 } });
  return { ownerId: owner.id, restaurantId: restaurant.id, productId: product.id };
}

const streamOf = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]).stream();


const figures: string[] = [];
let imageTarget: Awaited<ReturnType<typeof createProduct>>;
let modelTarget: Awaited<ReturnType<typeof createProduct>>;
let modelId: string;

describe("uploads while the provider fails", () => {
  it("Cloudinary: failed photo uploads keep no row and no object; the owner's retry stores exactly one", async () => {
    imageTarget = await createProduct();
    const photo = new Uint8Array(await sharp({ create: { width: 64, height: 64, channels: 3, background: "orange" } }).jpeg().toBuffer());
    scripts.cloudinaryUpload = ["500", "drop"];
    for (let failed = 0; failed < 2; failed += 1) {
      await expect(uploadProductMedia(t.db, cloudinary, imageTarget, streamOf(photo))).rejects.toThrow(MediaStorageError);
      expect(await t.db.productMedia.count({ where: { productId: imageTarget.productId } })).toBe(0);
      expect(cloudinaryObjects.size).toBe(0);
    }
    const stored = await uploadProductMedia(t.db, cloudinary, imageTarget, streamOf(photo));
    expect(await t.db.productMedia.findMany({ where: { productId: imageTarget.productId } })).toEqual([expect.objectContaining({ id: stored.id, provider: "CLOUDINARY" })]);
    expect(cloudinaryObjects).toEqual(new Set([stored.providerKey]));
    expect(calls.cloudinaryUpload).toBe(3);
    figures.push(`Cloudinary upload: 3 attempts (500, dropped connection, ok) -> 1 row, 1 object`);
  });

  it("Cloudinary: a photo stored just before the database refuses the row is destroyed again, leaving nothing", async () => {
    const target = await createProduct();
    const photo = new Uint8Array(await sharp({ create: { width: 32, height: 32, channels: 3, background: "green" } }).jpeg().toBuffer());
    // The product's row write fails after the provider took the file (the product deleted meanwhile, a database error).
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_media() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'media refused'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_media BEFORE INSERT ON "ProductMedia" FOR EACH ROW WHEN (NEW."productId" = '${target.productId}') EXECUTE FUNCTION refuse_media();`);
    const objectsBefore = new Set(cloudinaryObjects);
    const destroysBefore = calls.cloudinaryDestroy.length;
    await expect(uploadProductMedia(t.db, cloudinary, target, streamOf(photo))).rejects.toThrow(/media refused/);
    expect(await t.db.productMedia.count({ where: { productId: target.productId } })).toBe(0);
    expect(cloudinaryObjects).toEqual(objectsBefore);
    expect(calls.cloudinaryDestroy.length - destroysBefore).toBe(1);
    figures.push(`Cloudinary upload whose row then fails: 1 upload, 1 destroy -> 0 rows, 0 objects left`);
  });

  it("Supabase: a failed model upload keeps no row, no file and no job; the retry stores one model and queues one optimisation", async () => {
    modelTarget = await createProduct();
    const glb = await buildTriangle();
    scripts.supabaseUpload = ["503"];
    await expect(uploadProductModel(t.db, supabase, modelTarget, streamOf(glb))).rejects.toThrow(ModelStorageError);
    expect(await t.db.model3D.count({ where: { productId: modelTarget.productId } })).toBe(0);
    expect([...supabaseObjects.keys()].filter((key) => key.startsWith(modelTarget.restaurantId))).toEqual([]);

    const view = await uploadProductModel(t.db, supabase, modelTarget, streamOf(glb));
    modelId = view.id;
    const row = await t.db.model3D.findUniqueOrThrow({ where: { id: modelId } });
    expect(row).toMatchObject({ storageProvider: "SUPABASE", status: "PENDING" });
    expect([...supabaseObjects.keys()].filter((key) => key.startsWith(modelTarget.restaurantId))).toEqual([row.originalKey]);
    const jobs = await t.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name = 'model-optimization' AND data->>'modelId' = ${modelId}`;
    expect(jobs[0]?.count).toBe(1n);
    figures.push(`Supabase upload: 2 attempts (503, ok) -> 1 model row, 1 object, 1 optimisation job`);
  });
});

describe("background jobs while the provider fails", () => {
  it("retries on pg-boss until each provider answers: the email goes out once, each file is removed once, the model is optimised once", async () => {
    // The email: Resend fails four ways, the last time after taking the message.
    const emailId = await t.db.$transaction((tx) =>
      enqueueEmail(tx, { template: "test", to: "owner@example.com", subject: "Faults", html: "<p>Hi</p>", text: "Hi", dedupeKey: `faults:${randomUUID()}` }),
    );
    if (!emailId) throw new Error("not queued");
    scripts.resend = ["500", "429", "timeout", "accept-then-drop"];

    // The deletions: the photo stored above on Cloudinary, and a model file on Supabase.
    const photo = await t.db.productMedia.findFirstOrThrow({ where: { productId: imageTarget.productId } });
    const leftover = `${modelTarget.restaurantId}/${randomUUID()}.glb`;
    supabaseObjects.set(leftover, new Uint8Array([1, 2, 3]));
    await enqueueFileDeletions(t.db, [
      { store: "MEDIA_CLOUDINARY", key: photo.providerKey, mediaKind: "IMAGE", restaurantId: imageTarget.restaurantId },
      { store: "MODEL_SUPABASE", key: leftover, restaurantId: modelTarget.restaurantId },
    ]);
    await t.db.$transaction((tx) => sendInTransaction(tx, FILE_DELETIONS_QUEUE, {}));
    scripts.cloudinaryDestroy = ["500", "drop"];
    scripts.supabaseRemove = ["503", "drop"];
    // The optimisation (queued by the upload above): storing the optimised copy fails once.
    scripts.supabaseUpload = ["500"];

    // Test-only timing: every queued job retries after 1 s instead of production's 5 to 30 s with backoff.
    await t.db.$executeRaw`UPDATE pgboss.job SET retry_delay = 1, retry_backoff = false WHERE state = 'created'`;
    const resend = createResendEmailSender({ apiKey: RESEND_KEY, from: "Foodar <hello@foodar.example.com>", timeoutMs: 500 });
    const runner = await startJobRunner({
      connectionString: t.url,
      removers: { MEDIA_CLOUDINARY: (key, kind) => cloudinary.remove(key, kind ?? "IMAGE"), MODEL_SUPABASE: (key) => supabase.remove([key]) },
      modelStorage: supabase,
      emailSender: resend,
      usageReporter: createSandboxUsageReporter({ dir: path.join(dataDir, "usage") }),
      modelTimeoutMs: 30_000,
      pollingIntervalSeconds: 0.5,
    });
    try {
      const email = await until("the email to be sent", async () => {
        const row = await t.db.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
        return row.status === "SENT" ? row : null;
      });
      const deletions = await until("both files to be removed", async () => {
        const rows = await t.db.fileDeletion.findMany({ where: { key: { in: [photo.providerKey, leftover] } } });
        return rows.length === 2 && rows.every((row) => row.doneAt) ? rows : null;
      });
      const model = await until("the model to be optimised", async () => {
        const row = await t.db.model3D.findUniqueOrThrow({ where: { id: modelId } });
        return row.status === "READY" || row.status === "FAILED" ? row : null;
      });

      // Resend: five calls with one Idempotency-Key; one message exists, the one the fourth call handed over.
      expect(calls.resend).toEqual(Array(5).fill(email.dedupeKey));
      expect(resendSent.size).toBe(1);
      expect(email).toMatchObject({ attempts: 5, lastError: null, providerMessageId: resendSent.get(email.dedupeKey) });

      // Cloudinary and Supabase: three calls each (two failures recorded on the row, then done); the objects are gone.
      for (const row of deletions) expect(row).toMatchObject({ attempts: 3, lastError: null });
      expect(calls.cloudinaryDestroy.filter((key) => key === photo.providerKey)).toEqual(Array(3).fill(photo.providerKey));
      expect(calls.supabaseRemove).toEqual(Array(3).fill(leftover));
      expect(cloudinaryObjects.has(photo.providerKey)).toBe(false);
      expect(supabaseObjects.has(leftover)).toBe(false);

      // The optimisation: the failed store was retried; the bucket holds the original and one optimised copy.
      expect(model).toMatchObject({ status: "READY", failureReason: null });
      expect(model.optimizedKey).toEqual(expect.any(String));
      expect([...supabaseObjects.keys()].filter((key) => key.startsWith(modelTarget.restaurantId)).toSorted()).toEqual([model.originalKey, model.optimizedKey].toSorted());
      const optimisations = await t.db.$queryRaw<{ state: string; retry_count: number }[]>`
        SELECT state::text, retry_count FROM pgboss.job WHERE name = 'model-optimization' AND data->>'modelId' = ${modelId}`;
      expect(optimisations).toEqual([{ state: "completed", retry_count: 1 }]);
      const emailJobs = await t.db.$queryRaw<{ state: string; retry_count: number }[]>`
        SELECT state::text, retry_count FROM pgboss.job WHERE name = 'emails' AND data->>'emailId' = ${emailId}`;
      expect(emailJobs).toEqual([{ state: "completed", retry_count: 4 }]);

      figures.push(
        `Resend: 5 attempts (500, 429, timeout, accepted-then-dropped, ok) by one pg-boss job (retry_count 4) -> 1 message, outbox SENT`,
        `Cloudinary destroy: 3 attempts (500, dropped, ok) -> object gone, deletion row attempts 3`,
        `Supabase remove: 3 attempts (503, dropped, ok) -> object gone, deletion row attempts 3`,
        `Supabase store of the optimised model: 2 attempts (500, ok) -> READY, 2 objects (original + optimised)`,
      );
    } finally {
      await runner.stop();
    }
    console.info(`provider-failures:\n  ${figures.join("\n  ")}`);
  }, 90_000);
});
