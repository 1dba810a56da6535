import { createReadStream } from "node:fs";
import { StorageClient } from "@supabase/storage-js";
import { assertModelKey } from "./model-key";
import { DEFAULT_SIGNED_URL_SECONDS, ModelStorageError, type ModelSource, type ModelStorage } from "./model-storage";

export type SupabaseModelStorageOptions = {
  url: string;
  serviceRoleKey: string;
  bucket: string;
  /** How long one request may take, the upload of the largest model included; a test shortens it. */
  requestTimeoutMs?: number;
};

// A hung request would otherwise hold its upload or job until the job expires (15 minutes for file deletions).
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    } catch (error) {
      if (timeout.aborted) throw new Error(`no answer within ${timeoutMs / 1000} s`, { cause: error });
      throw error;
    }
  };
}

// supabase-js's createClient needs a WebSocket that Node 20 lacks; the storage client alone needs only fetch.
function storageClient({ url, serviceRoleKey, requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS }: SupabaseModelStorageOptions): StorageClient {
  return new StorageClient(
    `${url.replace(/\/+$/, "")}/storage/v1`,
    { apikey: serviceRoleKey, Authorization: `Bearer ${serviceRoleKey}` },
    fetchWithTimeout(requestTimeoutMs),
  );
}

function failure(action: string, error: unknown): ModelStorageError {
  const status = error instanceof Error && "status" in error && typeof error.status === "number" ? ` (HTTP ${error.status})` : "";
  const reason = error instanceof Error ? error.message : String(error);
  return new ModelStorageError(`Supabase Storage refused to ${action}${status}: ${reason}`, { cause: error });
}

/** A private bucket; each restaurant's models sit under the folder named by its id, the first segment of the key. */
export function createSupabaseModelStorage(options: SupabaseModelStorageOptions): ModelStorage {
  const bucket = () => storageClient(options).from(options.bucket);

  return {
    provider: "SUPABASE",

    async put(key, source, { contentType }) {
      assertModelKey(key);
      // Retried uploads and re-optimised models replace the file under the same key.
      const { error } = await bucket().upload(key, uploadBody(source), { contentType, upsert: true });
      if (error) throw failure(`store ${key}`, error);
    },

    async signedUrl(key, { expiresInSeconds = DEFAULT_SIGNED_URL_SECONDS } = {}) {
      assertModelKey(key);
      const { data, error } = await bucket().createSignedUrl(key, expiresInSeconds);
      if (error) throw failure(`sign a URL for ${key}`, error);
      return data.signedUrl;
    },

    async read(key) {
      assertModelKey(key);
      const { data, error } = await bucket().download(key);
      if (error) throw failure(`read ${key}`, error);
      return new Uint8Array(await data.arrayBuffer());
    },

    async remove(keys) {
      if (keys.length === 0) return;
      keys.forEach(assertModelKey);
      // Supabase answers 200 with the objects it deleted; keys that were already gone are simply not listed.
      const { error } = await bucket().remove([...keys]);
      if (error) throw failure(`remove ${keys.join(", ")}`, error);
    },

    async exists(key) {
      assertModelKey(key);
      // A HEAD answer has no body, so "missing" (400/404) comes back as data: false with an error attached;
      // anything else (gateway refusal, outage) is thrown.
      try {
        return (await bucket().exists(key)).data;
      } catch (error) {
        throw failure(`check ${key}`, error);
      }
    },
  };
}

function uploadBody(source: ModelSource) {
  return typeof source === "string" ? createReadStream(source) : source;
}
