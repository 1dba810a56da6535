import "server-only";
import path from "node:path";
import { env, mediaStorageDriver } from "~/env.js";
import { createCloudinaryMediaStorage } from "./cloudinary-media-storage";
import { createLocalMediaStorage, localMediaDir } from "./local-media-storage";
import type { MediaStorage } from "./media-storage";

export { MediaStorageError, UnreadableMediaError, type MediaStorage, type StoredImage, type StoredVideo, type VideoFormat } from "./media-storage";

/** Cloudinary when CLOUDINARY_URL is set, otherwise files on this machine's disk. */
export function mediaStorage(): MediaStorage {
  if (mediaStorageDriver() === "cloudinary") return createCloudinaryMediaStorage();
  return createLocalMediaStorage({ root: localMediaRoot() });
}

export function localMediaRoot(): string {
  return localMediaDir(path.resolve(env.FOODAR_DATA_DIR));
}
