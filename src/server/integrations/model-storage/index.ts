import "server-only";

export { localFileUrlSecret, localModelsRoot, modelStorage } from "./configured-model-storage";
export { GLB_CONTENT_TYPE, ModelStorageError, type ModelSource, type ModelStorage } from "./model-storage";
export { modelKey } from "./model-key";
