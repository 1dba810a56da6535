import path from "node:path";
import { env, modelStorageDriver } from "~/env.js";
import { createLocalModelStorage, localModelsDir } from "./local-model-storage";
import type { ModelStorage } from "./model-storage";
import { createSupabaseModelStorage } from "./supabase-model-storage";

// Not "server-only" (unlike index.ts), so `npm run worker`, which runs outside Next, can load it too.

/** Supabase Storage when its URL and service role key are set, otherwise files on this machine's disk. */
export function modelStorage(): ModelStorage {
  if (modelStorageDriver() === "supabase" && env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY) {
    return createSupabaseModelStorage({
      url: env.SUPABASE_URL,
      serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
      bucket: env.SUPABASE_MODELS_BUCKET,
    });
  }
  return createLocalModelStorage({ root: localModelsRoot(), secret: localFileUrlSecret() });
}

export function localModelsRoot(): string {
  return localModelsDir(path.resolve(env.FOODAR_DATA_DIR));
}

export function localFileUrlSecret(): string {
  // env.js refuses to start without it whenever the local driver is in use.
  if (!env.FILE_URL_SECRET) throw new Error("FILE_URL_SECRET is not set");
  return env.FILE_URL_SECRET;
}
