"use client";

import { useState } from "react";
import { Ruler } from "lucide-react";
import { largestSide } from "~/lib/model-size";
import { isModelInProgress, type ModelTarget, type ModelView } from "~/components/menu/model/model-types";
import { RescaleModelForm } from "~/components/menu/model/rescale-model-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";

const oneDecimal = (cm: number) => Math.round(cm * 10) / 10;

type ModelSizeControlsProps = { target: ModelTarget; model: ModelView };

/**
 * A size that looks like the wrong unit is explained with the form right under it; a plausible one can still be
 * changed on demand, since only the owner knows how large the dish really is.
 */
export function ModelSizeControls({ target, model }: ModelSizeControlsProps) {
  const [changing, setChanging] = useState(false);
  const busy = isModelInProgress(model.status);

  if (model.sizeWarning) {
    return (
      <Alert title="Check the size" className="w-full">
        <p>{model.sizeWarning}</p>
        <div className="mt-3">
          <RescaleModelForm target={target} initialCm={model.rescaleToCm ?? undefined} disabled={busy} />
        </div>
      </Alert>
    );
  }
  if (!changing) {
    return (
      <div>
        <Button variant="secondary" size="sm" disabled={busy || !model.size} onClick={() => setChanging(true)}>
          <Ruler aria-hidden className="size-4" />
          Change size
        </Button>
      </div>
    );
  }
  const measured = model.size ? oneDecimal(largestSide(model.size).cm) : undefined;
  return (
    <RescaleModelForm
      target={target}
      initialCm={model.rescaleToCm ?? measured}
      disabled={busy}
      onDone={() => setChanging(false)}
      onCancel={() => setChanging(false)}
    />
  );
}
