import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertModelKey } from "./model-key";
import { DEFAULT_SIGNED_URL_SECONDS, ModelStorageError, type ModelSource, type ModelStorage } from "./model-storage";
import { signFileUrl } from "./signed-file-url";
import { isMissingFile } from "~/server/integrations/files/serve-file-range";

export const LOCAL_MODEL_ROUTE = "/api/files/models";

export function localModelsDir(dataDir: string): string {
  return path.resolve(dataDir, "storage", "models");
}

/** The file behind a key; keys are validated so the result is always inside `root`. */
export function localModelPath(root: string, key: string): string {
  assertModelKey(key);
  return path.join(root, ...key.split("/"));
}

export function createLocalModelStorage(options: { root: string; secret: string; now?: () => Date }): ModelStorage {
  const { root, secret } = options;
  const now = options.now ?? (() => new Date());

  return {
    provider: "LOCAL",

    async put(key, source) {
      const target = localModelPath(root, key);
      await mkdir(path.dirname(target), { recursive: true });
      // Readers (the file route, a job) never see a half-written model: it appears under its name only when complete.
      const temporary = `${target}.${randomUUID()}.tmp`;
      try {
        await pipeline(toReadable(source), createWriteStream(temporary, { flags: "wx" }));
        const written = await open(temporary, "r+");
        try {
          await written.sync();
        } finally {
          await written.close();
        }
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async signedUrl(key, { expiresInSeconds = DEFAULT_SIGNED_URL_SECONDS } = {}) {
      assertModelKey(key);
      const expires = Math.floor(now().getTime() / 1000) + expiresInSeconds;
      const query = new URLSearchParams({ expires: String(expires), sig: signFileUrl(key, expires, secret) });
      return `${LOCAL_MODEL_ROUTE}/${key}?${query}`;
    },

    async read(key) {
      try {
        return await readFile(localModelPath(root, key));
      } catch (error) {
        if (isMissingFile(error)) throw new ModelStorageError(`Model file ${key} does not exist`, { cause: error });
        throw error;
      }
    },

    async remove(keys) {
      const paths = keys.map((key) => localModelPath(root, key));
      await Promise.all(paths.map((file) => rm(file, { force: true })));
    },

    async exists(key) {
      try {
        return (await stat(localModelPath(root, key))).isFile();
      } catch (error) {
        if (isMissingFile(error)) return false;
        throw error;
      }
    },
  };
}

function toReadable(source: ModelSource): Readable {
  if (typeof source === "string") return createReadStream(source);
  if (source instanceof Uint8Array) return Readable.from([source]);
  return source;
}

