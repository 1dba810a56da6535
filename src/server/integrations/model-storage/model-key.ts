import { ModelStorageError } from "./model-storage";

// Plain segments only: no dots but the extension, no leading slash, nothing a path or URL would reinterpret.
const SEGMENT = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
const MODEL_KEY = new RegExp(`^${SEGMENT}/${SEGMENT}\\.glb$`);

export function isModelKey(key: string): boolean {
  return MODEL_KEY.test(key);
}

export function assertModelKey(key: string): void {
  if (!isModelKey(key)) throw new ModelStorageError(`Invalid model storage key "${key}": expected <restaurantId>/<fileId>.glb`);
}

/** The key of a restaurant's model file; the optimised copy sits next to the original it was made from. */
export function modelKey(restaurantId: string, fileId: string, variant: "original" | "optimized" = "original"): string {
  const key = `${restaurantId}/${fileId}${variant === "optimized" ? "-optimized" : ""}.glb`;
  assertModelKey(key);
  return key;
}
