import { MediaStorageError } from "./media-storage";

// Plain segments only, as for model keys: nothing a path or URL would reinterpret.
const SEGMENT = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
const MEDIA_KEY = new RegExp(`^${SEGMENT}/${SEGMENT}\\.(webp|mp4|mov|webm)$`);

export const MEDIA_CONTENT_TYPES = {
  webp: "image/webp",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
} as const;

export type MediaExtension = keyof typeof MEDIA_CONTENT_TYPES;

export function isMediaKey(key: string): boolean {
  return MEDIA_KEY.test(key);
}

export function assertMediaKey(key: string): void {
  if (!isMediaKey(key)) throw new MediaStorageError(`Invalid media storage key "${key}": expected <restaurantId>/<fileId>.<webp|mp4|mov|webm>`);
}

export function mediaKey(restaurantId: string, fileId: string, extension: MediaExtension): string {
  const key = `${restaurantId}/${fileId}.${extension}`;
  assertMediaKey(key);
  return key;
}

/** A photo's thumbnail sits next to it, so removing the photo by its key can remove both. */
export function thumbnailKey(imageKey: string): string {
  const key = imageKey.replace(/\.webp$/, "-thumb.webp");
  assertMediaKey(key);
  return key;
}

export function mediaContentType(key: string): string {
  const extension = key.slice(key.lastIndexOf(".") + 1) as MediaExtension;
  return MEDIA_CONTENT_TYPES[extension];
}
