import type { ModelStatus } from "~/generated/prisma/enums";
import type { Model3D } from "~/generated/prisma/client";
import { type BoundingBoxCm, sizeWarning } from "~/lib/model-size";
import type { ModelStorage } from "~/server/integrations/model-storage/model-storage";

/** What the dashboard shows of a product's 3D model. */
export type ModelView = {
  id: string;
  status: ModelStatus;
  failureReason: string | null;
  originalBytes: number;
  optimizedBytes: number | null;
  /** Percentage saved by the optimiser, one decimal; null until it has run. */
  reductionPercent: number | null;
  size: BoundingBoxCm | null;
  /** Why the measured size looks like the wrong unit, or null when it is plausible. */
  sizeWarning: string | null;
  rescaleToCm: number | null;
  /** A short-lived URL of the optimised file for the preview; null until one exists. */
  previewUrl: string | null;
  updatedAt: Date;
};

// The dashboard polls while a model is processing; an hour outlives any open editor tab's next poll.
const PREVIEW_URL_SECONDS = 60 * 60;

export async function toModelView(model: Model3D, storage: ModelStorage): Promise<ModelView> {
  const size =
    model.widthCm !== null && model.heightCm !== null && model.depthCm !== null
      ? { widthCm: model.widthCm, heightCm: model.heightCm, depthCm: model.depthCm }
      : null;
  return {
    id: model.id,
    status: model.status,
    failureReason: model.failureReason,
    originalBytes: model.originalBytes,
    optimizedBytes: model.optimizedBytes,
    reductionPercent:
      model.optimizedBytes === null ? null : Math.round((1 - model.optimizedBytes / model.originalBytes) * 1000) / 10,
    size,
    sizeWarning: size ? sizeWarning(size) : null,
    rescaleToCm: model.rescaleToCm,
    previewUrl: model.optimizedKey ? await storage.signedUrl(model.optimizedKey, { expiresInSeconds: PREVIEW_URL_SECONDS }) : null,
    updatedAt: model.updatedAt,
  };
}
