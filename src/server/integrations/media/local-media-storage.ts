import { randomUUID } from "node:crypto";
import { copyFile, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { assertMediaKey, mediaKey, thumbnailKey } from "./media-key";
import { UnreadableMediaError, type MediaStorage } from "./media-storage";
import { readVideoMetadata } from "./read-video-metadata";

export const LOCAL_MEDIA_ROUTE = "/api/files/media";
export const MAX_IMAGE_SIDE = 1200;
export const THUMBNAIL_SIDE = 300;

export function localMediaDir(dataDir: string): string {
  return path.resolve(dataDir, "storage", "media");
}

/** The file behind a key; keys are validated so the result is always inside `root`. */
export function localMediaPath(root: string, key: string): string {
  assertMediaKey(key);
  return path.join(root, ...key.split("/"));
}

export function createLocalMediaStorage(options: { root: string }): MediaStorage {
  const { root } = options;
  const urlOf = (key: string) => `${LOCAL_MEDIA_ROUTE}/${key}`;

  return {
    provider: "LOCAL",

    async storeImage(restaurantId, filePath) {
      // A fresh name per upload: files are never rewritten, so the route can let browsers cache them for good.
      const key = mediaKey(restaurantId, randomUUID(), "webp");
      const thumbKey = thumbnailKey(key);
      const target = localMediaPath(root, key);
      const thumbTarget = localMediaPath(root, thumbKey);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        // rotate() with no angle applies the EXIF orientation, so phone photos stand the right way up.
        const main = await sharp(filePath)
          .rotate()
          .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true })
          .webp({ quality: 82 })
          .toFile(target);
        await sharp(filePath).rotate().resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: "cover" }).webp({ quality: 75 }).toFile(thumbTarget);
        return { providerKey: key, url: urlOf(key), thumbnailUrl: urlOf(thumbKey), width: main.width, height: main.height, bytes: main.size };
      } catch (error) {
        await Promise.all([rm(target, { force: true }), rm(thumbTarget, { force: true })]);
        const reason = error instanceof Error ? error.message : String(error);
        throw new UnreadableMediaError(`This image could not be read; it may be damaged or incomplete (${reason})`, { cause: error });
      }
    },

    async storeVideo(restaurantId, filePath, format) {
      const key = mediaKey(restaurantId, randomUUID(), format);
      const target = localMediaPath(root, key);
      await mkdir(path.dirname(target), { recursive: true });
      // Duration and frame size come from the container's headers (null when unreadable: the video may still play).
      // A poster frame would need a video decoder, which this machine lacks; players show the first frame instead.
      const metadata = await readVideoMetadata(filePath, format);
      await copyFile(filePath, target);
      const { size } = await stat(target);
      return { providerKey: key, url: urlOf(key), thumbnailUrl: null, bytes: size, ...metadata };
    },

    async remove(providerKey, kind) {
      const keys = kind === "IMAGE" ? [providerKey, thumbnailKey(providerKey)] : [providerKey];
      await Promise.all(keys.map((key) => rm(localMediaPath(root, key), { force: true })));
    },
  };
}
