import type { ModelView } from "~/server/services/models/model-view";

export type { ModelView };

/** The product whose 3D model is shown, and whether its restaurant may change it. */
export type ModelTarget = { restaurantId: string; productId: string; readOnly: boolean };

// The extension for browsers that do not know the MIME type (most do not); the server sniffs the bytes anyway.
export const ACCEPTED_MODEL_TYPES = ".glb,model/gltf-binary";

/** Queued or being optimised: the model will change without the owner doing anything. */
export function isModelInProgress(status: ModelView["status"] | undefined): boolean {
  return status === "PENDING" || status === "PROCESSING";
}
