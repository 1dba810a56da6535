import type { MediaKind } from "~/generated/prisma/enums";

/** The formats a video is kept in as sent; images are always re-encoded (WebP locally, Cloudinary's own). */
export type VideoFormat = "mp4" | "mov" | "webm";

export type StoredImage = {
  providerKey: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  bytes: number;
};

export type StoredVideo = {
  providerKey: string;
  url: string;
  thumbnailUrl: string | null;
  width: number | null;
  height: number | null;
  bytes: number;
  durationMs: number | null;
};

/** Where product photos and videos live. Menus are public, so every URL returned works for anyone, forever. */
export interface MediaStorage {
  readonly provider: "LOCAL" | "CLOUDINARY";
  /** Fits the photo within 1200 px (never enlarging) and makes a 300x300 thumbnail. */
  storeImage(restaurantId: string, filePath: string): Promise<StoredImage>;
  storeVideo(restaurantId: string, filePath: string, format: VideoFormat): Promise<StoredVideo>;
  /** Removing a file that is not there is not an error, so a retried deletion succeeds. */
  remove(providerKey: string, kind: MediaKind): Promise<void>;
}

export class MediaStorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MediaStorageError";
  }
}

/** The file's bytes cannot be decoded although its header looked right: the owner's file, not our storage, is at fault. */
export class UnreadableMediaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UnreadableMediaError";
  }
}
