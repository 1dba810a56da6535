import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalMediaStorage, localMediaPath } from "~/server/integrations/media/local-media-storage";
import { UnreadableMediaError } from "~/server/integrations/media/media-storage";
import { serveLocalMedia } from "~/server/integrations/media/serve-local-media";
import { isoVideo, webmVideo } from "../helpers/video-builder";

const RESTAURANT = randomUUID();
let dir: string;
let root: string;
let photo: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "foodar-media-"));
  root = path.join(dir, "storage", "media");
  photo = path.join(dir, "photo.jpg");
  // Stored sideways as a phone does it: 2000x3000 pixels with EXIF orientation 6, so it shows as 3000x2000.
  await sharp({ create: { width: 2000, height: 3000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(photo);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });
const keyOf = (url: string) => url.replace("/api/files/media/", "");

describe("local media storage", () => {
  it("turns a 3000x2000 photo (after EXIF rotation) into a 1200x800 WebP and a 300x300 thumbnail", async () => {
    const storage = createLocalMediaStorage({ root });
    const stored = await storage.storeImage(RESTAURANT, photo);

    expect(stored).toMatchObject({ width: 1200, height: 800 });
    expect(stored.providerKey).toMatch(new RegExp(`^${RESTAURANT}/[0-9a-f-]{36}\\.webp$`));
    const main = await sharp(localMediaPath(root, stored.providerKey)).metadata();
    expect(main).toMatchObject({ format: "webp", width: 1200, height: 800 });
    expect(main.orientation).toBeUndefined();
    expect(stored.bytes).toBe((await stat(localMediaPath(root, stored.providerKey))).size);
    const thumb = await sharp(localMediaPath(root, keyOf(stored.thumbnailUrl))).metadata();
    expect(thumb).toMatchObject({ format: "webp", width: 300, height: 300 });

    const served = await serveLocalMedia(request(stored.url), keyOf(stored.url), { root });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer()).length).toBe(stored.bytes);

    await storage.remove(stored.providerKey, "IMAGE");
    expect((await serveLocalMedia(request(stored.url), keyOf(stored.url), { root })).status).toBe(404);
    expect((await serveLocalMedia(request(stored.thumbnailUrl), keyOf(stored.thumbnailUrl), { root })).status).toBe(404);
    await storage.remove(stored.providerKey, "IMAGE");
  });

  it("never enlarges a small photo", async () => {
    const small = path.join(dir, "small.png");
    await sharp({ create: { width: 640, height: 480, channels: 3, background: "white" } }).png().toFile(small);
    const stored = await createLocalMediaStorage({ root }).storeImage(RESTAURANT, small);
    expect(stored).toMatchObject({ width: 640, height: 480 });
  });

  it("refuses a damaged image and leaves no file behind", async () => {
    const broken = path.join(dir, "broken.jpg");
    const whole = await readFile(photo);
    await writeFile(broken, whole.subarray(0, 400));
    const storage = createLocalMediaStorage({ root: path.join(dir, "broken-root") });
    await expect(storage.storeImage(RESTAURANT, broken)).rejects.toThrow(UnreadableMediaError);
    await expect(storage.storeImage(RESTAURANT, broken)).rejects.toThrow(/could not be read/);
    expect(await readdir(path.join(dir, "broken-root", RESTAURANT))).toEqual([]);
  });

  it("keeps a video as sent, with the duration and frame size from its header, and serves ranges of it", async () => {
    const clip = path.join(dir, "clip.mp4");
    const bytes = isoVideo({ major: "isom", timescale: 1000, duration: 4_250, width: 720, height: 1280, mediaBytes: 1000 });
    await writeFile(clip, bytes);
    const stored = await createLocalMediaStorage({ root }).storeVideo(RESTAURANT, clip, "mp4");
    expect(stored).toMatchObject({ bytes: bytes.length, thumbnailUrl: null, durationMs: 4_250, width: 720, height: 1280 });
    expect(stored.providerKey).toMatch(/\.mp4$/);
    expect(await readFile(localMediaPath(root, stored.providerKey))).toEqual(Buffer.from(bytes));

    const partial = await serveLocalMedia(request(stored.url, { range: "bytes=4-11" }), keyOf(stored.url), { root });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-type")).toBe("video/mp4");
    expect(partial.headers.get("content-range")).toBe(`bytes 4-11/${bytes.length}`);
    expect(Buffer.from(await partial.arrayBuffer()).toString()).toBe("ftypisom");
  });

  it("reads a WebM's header, and still keeps a video whose header it cannot read", async () => {
    const storage = createLocalMediaStorage({ root });
    const webm = path.join(dir, "clip.webm");
    await writeFile(webm, webmVideo({ width: 640, height: 360, duration: 9_000 }));
    expect(await storage.storeVideo(RESTAURANT, webm, "webm")).toMatchObject({ durationMs: 9_000, width: 640, height: 360 });

    // The sniffed ftyp, then bytes that are no box: a player may still cope, so the upload is not refused.
    const odd = path.join(dir, "odd.mp4");
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(1000, 7)]);
    await writeFile(odd, bytes);
    const stored = await storage.storeVideo(RESTAURANT, odd, "mp4");
    expect(stored).toMatchObject({ bytes: bytes.length, durationMs: null, width: null, height: null });
    expect((await stat(localMediaPath(root, stored.providerKey))).size).toBe(bytes.length);
  });

  it("answers 404 for keys outside the media layout", async () => {
    for (const key of ["../../etc/passwd", `${RESTAURANT}/x.html`, `${RESTAURANT}/../x.webp`]) {
      expect((await serveLocalMedia(request(`/api/files/media/${key}`), key, { root })).status).toBe(404);
    }
  });
});
