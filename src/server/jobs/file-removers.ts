import path from "node:path";
import { env, mediaStorageDriver, modelStorageDriver } from "~/env.js";
import type { MediaKind } from "~/generated/prisma/enums";
import { createCloudinaryMediaStorage } from "~/server/integrations/media/cloudinary-media-storage";
import { createLocalMediaStorage, localMediaDir } from "~/server/integrations/media/local-media-storage";
import type { MediaStorage } from "~/server/integrations/media/media-storage";
import { createLocalModelStorage, localModelsDir } from "~/server/integrations/model-storage/local-model-storage";
import type { ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { createSupabaseModelStorage } from "~/server/integrations/model-storage/supabase-model-storage";
import type { FileRemover, FileRemovers } from "~/server/services/files/process-file-deletions";

// The drivers are imported directly rather than through the ports' index modules, which are "server-only"
// and so cannot load in `npm run worker`.

function mediaRemover(storage: MediaStorage): FileRemover {
  return (key: string, kind: MediaKind | null) => {
    if (!kind) throw new Error(`Media file ${key} was queued for deletion without its kind`);
    return storage.remove(key, kind);
  };
}

const modelRemover = (storage: ModelStorage): FileRemover => (key) => storage.remove([key]);

/**
 * A remover for every store this deployment is configured for. Local files are always reachable, so files
 * left on disk from before a switch to a vendor are still removed; a vendor's files need its credentials.
 */
export function fileRemovers(): FileRemovers {
  const dataDir = path.resolve(env.FOODAR_DATA_DIR);
  const removers: FileRemovers = { MEDIA_LOCAL: mediaRemover(createLocalMediaStorage({ root: localMediaDir(dataDir) })) };
  if (mediaStorageDriver() === "cloudinary") removers.MEDIA_CLOUDINARY = mediaRemover(createCloudinaryMediaStorage());
  if (env.FILE_URL_SECRET) {
    removers.MODEL_LOCAL = modelRemover(createLocalModelStorage({ root: localModelsDir(dataDir), secret: env.FILE_URL_SECRET }));
  }
  if (modelStorageDriver() === "supabase" && env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY) {
    removers.MODEL_SUPABASE = modelRemover(
      createSupabaseModelStorage({ url: env.SUPABASE_URL, serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY, bucket: env.SUPABASE_MODELS_BUCKET }),
    );
  }
  return removers;
}
