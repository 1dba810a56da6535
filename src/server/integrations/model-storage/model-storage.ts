import type { Readable } from "node:stream";

/** Bytes in memory, a path to a file on this machine, or a stream (e.g. an upload being received). */
export type ModelSource = Uint8Array | string | Readable;

export const GLB_CONTENT_TYPE = "model/gltf-binary";

// The product's 7 days: a menu page a phone keeps open or caches goes on showing its models for a week.
export const DEFAULT_SIGNED_URL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Where 3D models live. Keys are `<restaurantId>/<fileId>.glb` (see model-key.ts), so one restaurant's files
 * share a prefix and can be listed or removed together.
 */
export interface ModelStorage {
  readonly provider: "LOCAL" | "SUPABASE";
  put(key: string, source: ModelSource, options: { contentType: string }): Promise<void>;
  /** An absolute URL (vendor) or a root-relative one (local route) that works without a session until it expires. */
  signedUrl(key: string, options?: { expiresInSeconds?: number }): Promise<string>;
  /** The whole file; the optimisation job reads the original with it. A missing key is a ModelStorageError. */
  read(key: string): Promise<Uint8Array>;
  /** Removing a key that is not there is not an error, so a retried deletion job succeeds. */
  remove(keys: readonly string[]): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class ModelStorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ModelStorageError";
  }
}
