"use client";

import { useState } from "react";
import { Trash2 } from "lucide-react";
import { ModelFacts } from "~/components/menu/model/model-facts";
import { ModelPreview } from "~/components/menu/model/model-preview";
import { ModelSizeControls } from "~/components/menu/model/model-size-controls";
import { ModelStatusBadge } from "~/components/menu/model/model-status-badge";
import type { ModelTarget, ModelView } from "~/components/menu/model/model-types";
import { ModelUploader } from "~/components/menu/model/model-uploader";
import { RemoveModelDialog } from "~/components/menu/model/remove-model-dialog";
import { useProductModel } from "~/components/menu/model/use-product-model";
import { useSteadyPreviewUrl } from "~/components/menu/model/use-steady-preview-url";
import { Button } from "~/components/ui/button";

type ProductModelSectionProps = {
  target: ModelTarget;
  productName: string;
  /** The server's upload limit in bytes. */
  maxBytes: number;
  initialModel: ModelView | null;
};

/** Saved on its own, apart from the product form: an upload, a new size or a removal is stored at once. */
export function ProductModelSection({ target, productName, maxBytes, initialModel }: ProductModelSectionProps) {
  const { data: model } = useProductModel(target, initialModel);
  const previewUrl = useSteadyPreviewUrl(model);
  const [removing, setRemoving] = useState(false);

  return (
    <section aria-labelledby="product-model-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="product-model-heading" className="text-lg font-semibold text-stone-900">
          3D model
        </h2>
        <p className="mt-1 text-sm text-stone-600">Guests turn the dish around on the menu and place it on their table in AR.</p>
      </div>
      {model ? (
        <div className="grid gap-5 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <ModelPreview
            src={previewUrl}
            alt={`3D model of ${productName}`}
            emptyMessage={model.status === "FAILED" ? "There is nothing to preview." : "The preview appears once the model is optimised."}
          />
          <div className="flex min-w-0 flex-col gap-4">
            <ModelStatusBadge model={model} />
            <ModelFacts model={model} />
            {target.readOnly ? null : (
              <>
                {/* Keyed by the model, so a form left open for the old one does not stay open for its replacement. */}
                <ModelSizeControls key={model.id} target={target} model={model} />
                <Button variant="ghost" size="sm" className="self-start" onClick={() => setRemoving(true)}>
                  <Trash2 aria-hidden className="size-4" />
                  Remove 3D model
                </Button>
              </>
            )}
          </div>
        </div>
      ) : (
        <p className="text-sm text-stone-600">No 3D model yet.</p>
      )}
      {target.readOnly ? null : <ModelUploader target={target} maxBytes={maxBytes} hasModel={model !== null} />}
      <RemoveModelDialog target={target} open={removing} onClose={() => setRemoving(false)} />
    </section>
  );
}
