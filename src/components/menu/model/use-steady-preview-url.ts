"use client";

import { useState } from "react";
import type { ModelView } from "~/components/menu/model/model-types";

/**
 * The preview URL is signed afresh on every fetch, and a new `src` makes model-viewer download the model again and
 * reset its camera. The URL is therefore replaced only when the model row changed (new file, new status), not when
 * a window-focus refetch merely signed the same file again.
 */
export function useSteadyPreviewUrl(model: ModelView | null): string | null {
  const version = model?.previewUrl ? `${model.id}@${model.updatedAt.getTime()}` : null;
  const latest = model?.previewUrl ?? null;
  const [held, setHeld] = useState({ version, url: latest });
  if (held.version !== version) {
    // Adjusting state while rendering (React's documented pattern) so the new file is shown in the same render.
    setHeld({ version, url: latest });
    return latest;
  }
  return held.url;
}
