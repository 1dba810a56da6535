import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "~/generated/prisma/client";
import { createLocalMediaStorage, localMediaPath } from "~/server/integrations/media/local-media-storage";
import { processFileDeletions } from "~/server/services/files/process-file-deletions";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The local driver's files go to a folder of this file's own; env.js reads it when first imported.
const dataDir = await vi.hoisted(async () => {
  const [fs, os, nodePath] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "foodar-product-media-"));
  process.env.FOODAR_DATA_DIR = dir;
  return dir;
});
const root = path.join(dataDir, "storage", "media");
const storage = createLocalMediaStorage({ root });

let t: TestDatabase;
let owner: User;
let stranger: User;
let restaurantId: string;
let productId: string;
let photo: string;

async function createProduct(ownerId: string, reviewState?: "SUSPENDED") {
  const restaurant = await createRestaurant(t.db, ownerId, reviewState ? { reviewState } : {});
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const product = await t.db.product.create({
    data: { restaurantId: restaurant.id, categoryId: category.id, name: "Biryani", priceMinor: 90_000, position: 1 },
  });
  return { restaurantId: restaurant.id, productId: product.id };
}

async function addPhoto(target: { restaurantId: string; productId: string }, position: number) {
  const stored = await storage.storeImage(target.restaurantId, photo);
  return t.db.productMedia.create({ data: { productId: target.productId, kind: "IMAGE", provider: "LOCAL", ...stored, position } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof TRPCError ? error.code : `threw ${String(error)}`),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db);
  stranger = await createUser(t.db);
  ({ restaurantId, productId } = await createProduct(owner.id));
  photo = path.join(dataDir, "photo.jpg");
  await sharp({ create: { width: 400, height: 300, channels: 3, background: "teal" } }).jpeg().toFile(photo);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await t.db.productMedia.deleteMany({});
});

describe("menu.media", () => {
  it("lists a product's media in order, edits alt text and reorders them", async () => {
    const first = await addPhoto({ restaurantId, productId }, 1);
    const second = await addPhoto({ restaurantId, productId }, 2);
    const third = await addPhoto({ restaurantId, productId }, 3);
    const api = callerFor(t.db, sessionOf(owner));
    expect((await api.menu.media.list({ restaurantId, productId })).map((media) => media.id)).toEqual([first.id, second.id, third.id]);

    const edited = await api.menu.media.updateAlt({ restaurantId, productId, mediaId: second.id, altText: "  Chicken biryani in a clay pot " });
    expect(edited.altText).toBe("Chicken biryani in a clay pot");

    const ids = [third.id, first.id, second.id];
    await api.menu.media.reorder({ restaurantId, productId, mediaIds: ids });
    expect((await api.menu.media.list({ restaurantId, productId })).map((media) => media.id)).toEqual(ids);
    expect(await codeOf(api.menu.media.reorder({ restaurantId, productId, mediaIds: ids.slice(1) }))).toBe("BAD_REQUEST");
  });

  it("deletes the row and queues its files, which the deletion job then removes", async () => {
    const media = await addPhoto({ restaurantId, productId }, 1);
    const file = localMediaPath(root, media.providerKey);
    const result = await callerFor(t.db, sessionOf(owner)).menu.media.delete({ restaurantId, productId, mediaId: media.id });
    expect(result).toEqual({ deleted: true });
    expect(await t.db.productMedia.count({ where: { id: media.id } })).toBe(0);
    expect(await t.db.fileDeletion.findMany({ where: { key: media.providerKey } })).toMatchObject([{ store: "MEDIA_LOCAL", mediaKind: "IMAGE", restaurantId, doneAt: null }]);
    expect(existsSync(file)).toBe(true);

    await processFileDeletions(t.db, { MEDIA_LOCAL: (key, kind) => storage.remove(key, kind ?? "IMAGE") });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(file.replace(/\.webp$/, "-thumb.webp"))).toBe(false);
    expect(await t.db.fileDeletion.findFirstOrThrow({ where: { key: media.providerKey } })).toMatchObject({ attempts: 1, doneAt: expect.any(Date) });
  });

  it("hides one owner's media from another, whatever ids are mixed", async () => {
    const media = await addPhoto({ restaurantId, productId }, 1);
    const theirs = await createProduct(stranger.id);
    const api = callerFor(t.db, sessionOf(stranger));
    const mine = callerFor(t.db, sessionOf(owner));
    expect(await codeOf(api.menu.media.list({ restaurantId, productId }))).toBe("NOT_FOUND");
    expect(await codeOf(api.menu.media.updateAlt({ restaurantId, productId, mediaId: media.id, altText: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.menu.media.delete({ restaurantId, productId, mediaId: media.id }))).toBe("NOT_FOUND");
    // The stranger's own restaurant with the owner's product or media: still not found.
    expect(await codeOf(api.menu.media.list({ restaurantId: theirs.restaurantId, productId }))).toBe("NOT_FOUND");
    expect(await codeOf(api.menu.media.delete({ ...theirs, mediaId: media.id }))).toBe("NOT_FOUND");
    expect(await codeOf(api.menu.media.updateAlt({ ...theirs, mediaId: media.id, altText: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.menu.media.reorder({ ...theirs, mediaIds: [media.id] }))).toBe("BAD_REQUEST");
    // The owner's media addressed through another product of the owner's is not found either.
    const other = await createProduct(owner.id);
    expect(await codeOf(mine.menu.media.delete({ ...other, mediaId: media.id }))).toBe("NOT_FOUND");
    expect(await t.db.productMedia.findUniqueOrThrow({ where: { id: media.id } })).toMatchObject({ altText: "", position: 1 });
    expect(existsSync(localMediaPath(root, media.providerKey))).toBe(true);
  });

  it("freezes a suspended restaurant's media", async () => {
    const suspended = await createProduct(owner.id, "SUSPENDED");
    const media = await addPhoto(suspended, 1);
    const api = callerFor(t.db, sessionOf(owner));
    expect(await api.menu.media.list(suspended)).toHaveLength(1);
    expect(await codeOf(api.menu.media.delete({ ...suspended, mediaId: media.id }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(api.menu.media.updateAlt({ ...suspended, mediaId: media.id, altText: "x" }))).toBe("PRECONDITION_FAILED");
  });
});
