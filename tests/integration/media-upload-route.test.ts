import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "~/server/auth/session";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { isoVideo } from "../helpers/video-builder";

// The route handler is called as Next calls it, against this file's database, with the local media driver
// writing under a temporary FOODAR_DATA_DIR. The session is whoever the test says is signed in.
let t: TestDatabase;
let session: Session | null = null;
vi.mock("~/server/db", () => ({ db: t.db }));
vi.mock("~/server/auth/get-session", () => ({ getSession: async () => session }));

const IMAGE_LIMIT = 1024 * 1024;
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
  dataDir = await mkdtemp(path.join(tmpdir(), "foodar-upload-route-"));
  vi.stubEnv("FOODAR_DATA_DIR", dataDir);
  vi.stubEnv("MEDIA_MAX_IMAGE_BYTES", String(IMAGE_LIMIT));
  vi.resetModules();
  POST = (await import("~/../app/api/uploads/media/route")).POST;
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

function upload(body: BodyInit | null, target: { restaurantId: string; productId: string } = { restaurantId, productId }) {
  const query = new URLSearchParams(target);
  return new Request(`http://localhost:3000/api/uploads/media?${query}`, {
    method: "POST",
    headers: { "content-type": "image/jpeg" },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
}

async function storedFiles(): Promise<string[]> {
  try {
    return await readdir(path.join(dataDir, "storage", "media"), { recursive: true });
  } catch {
    return [];
  }
}

const mediaRows = () => t.db.productMedia.count();
const uploadTemps = async () => (await readdir(tmpdir())).filter((name) => name.startsWith("foodar-upload-") && !name.startsWith("foodar-upload-route-"));

async function jpeg(width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: "orange" } }).jpeg().toBuffer());
}

describe("POST /api/uploads/media", () => {
  it("stores a good JPEG and records it as the product's next medium", async () => {
    const response = await POST(upload(await jpeg(1600, 900)));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; url: string; thumbnailUrl: string; position: number };
    expect(body).toMatchObject({ kind: "IMAGE", provider: "LOCAL", width: 1200, height: 675, position: 1, productId });
    expect(body.url).toMatch(new RegExp(`^/api/files/media/${restaurantId}/[0-9a-f-]+\\.webp$`));
    const row = await t.db.productMedia.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.thumbnailUrl).toBe(body.thumbnailUrl);

    const second = await POST(upload(await jpeg(200, 200)));
    expect(((await second.json()) as { position: number }).position).toBe(2);
    expect(await storedFiles()).toHaveLength(1 + 4);
  });

  it("refuses a PDF named .jpg with 415, naming what it is", async () => {
    const rows = await mediaRows();
    const response = await POST(upload(new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n")));
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/^This file looks like a PDF document/) });
    expect(await mediaRows()).toBe(rows);
  });

  it("stops an oversized image at the limit with 413, leaving no file and no row", async () => {
    const rows = await mediaRows();
    const files = await storedFiles();
    let sent = 0;
    // A stream that would go on far past the limit: the route must stop reading, not wait for the end.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = sent === 0 ? Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64 * 1024 - 4)]) : randomBytes(64 * 1024);
        sent += chunk.length;
        if (sent > 50 * IMAGE_LIMIT) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await POST(upload(body));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Images can be at most 1 MB" });
    expect(sent).toBeLessThan(2 * IMAGE_LIMIT);
    expect(await mediaRows()).toBe(rows);
    expect(await storedFiles()).toEqual(files);
    expect(await uploadTemps()).toEqual([]);
  });

  it("answers 422 for a damaged image and stores nothing", async () => {
    const rows = await mediaRows();
    const files = await storedFiles();
    const whole = await jpeg(800, 600);
    const response = await POST(upload(whole.subarray(0, 300)));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/^This image could not be read/) });
    expect(await mediaRows()).toBe(rows);
    expect(await storedFiles()).toEqual(files);
  });

  it("answers 404 for another owner's product, and for a product of another restaurant", async () => {
    const other = await createUser(t.db);
    const theirs = await createProduct(other.id);
    expect((await POST(upload(await jpeg(10, 10), theirs))).status).toBe(404);
    const mixed = await POST(upload(await jpeg(10, 10), { restaurantId, productId: theirs.productId }));
    expect(mixed.status).toBe(404);
    expect(await mixed.json()).toEqual({ error: "Product not found" });
  });

  it("answers 423 for a suspended restaurant", async () => {
    const suspended = await createProduct(owner.id, "SUSPENDED");
    const response = await POST(upload(await jpeg(10, 10), suspended));
    expect(response.status).toBe(423);
    expect(await response.json()).toEqual({ error: "This restaurant is suspended; its menu cannot be changed" });
  });

  it("answers 401 without a session and 400 for a malformed target", async () => {
    session = null;
    expect((await POST(upload(await jpeg(10, 10)))).status).toBe(401);
    session = sessionOf(owner);
    const response = await POST(upload(await jpeg(10, 10), { restaurantId, productId: "nope" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Unknown product" });
  });

  it("keeps a video as sent, recording its duration and frame size from the header", async () => {
    // A phone's portrait clip: 1920x1080 frames turned a quarter, moov after the media data.
    const clip = isoVideo({ timescale: 600, duration: 7_500, width: 1920, height: 1080, quarterTurn: true, moovLast: true, mediaBytes: 4096 });
    const response = await POST(upload(clip));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string };
    const expected = { kind: "VIDEO", bytes: clip.length, thumbnailUrl: null, durationMs: 12_500, width: 1080, height: 1920 };
    expect(body).toMatchObject({ ...expected, url: expect.stringMatching(/\.mp4$/) });
    expect(await t.db.productMedia.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject(expected);
  });
});

