import { formatBytes } from "~/lib/format-bytes";
import { isModelInProgress, type ModelView } from "~/components/menu/model/model-types";

const centimetres = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });

function fileSizes(model: ModelView): string {
  const original = formatBytes(model.originalBytes);
  if (model.optimizedBytes === null || model.reductionPercent === null) {
    return isModelInProgress(model.status) ? `${original}, optimising…` : original;
  }
  const change = percent.format(Math.abs(model.reductionPercent) / 100);
  // A model that is already tiny can come out a few bytes larger (compression headers); say so rather than "-2 % smaller".
  const saved = model.reductionPercent >= 0 ? `${change} smaller` : `${change} larger`;
  return `${original} → ${formatBytes(model.optimizedBytes)}, ${saved}`;
}

function dimensions(size: ModelView["size"], status: ModelView["status"]): string {
  if (!size) return isModelInProgress(status) ? "Measured once processed" : "Not measured";
  return `${[size.widthCm, size.heightCm, size.depthCm].map((cm) => centimetres.format(cm)).join(" × ")} cm`;
}

/** What the optimiser did to the file and how large the dish will stand on the table in AR. */
export function ModelFacts({ model }: { model: ModelView }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      <dt className="font-semibold text-stone-800">File size</dt>
      <dd data-testid="model-file-size" className="text-stone-700 tabular-nums">
        {fileSizes(model)}
      </dd>
      <dt className="font-semibold text-stone-800">
        Size <span className="font-normal text-stone-600">(W × H × D)</span>
      </dt>
      <dd data-testid="model-dimensions" className="text-stone-700 tabular-nums">
        {dimensions(model.size, model.status)}
      </dd>
    </dl>
  );
}
