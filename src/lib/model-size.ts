// What a model's measured size means to the owner; shared by the optimisation job and the dashboard.

export type BoundingBoxCm = { widthCm: number; heightCm: number; depthCm: number };

export const MIN_PLAUSIBLE_CM = 2;
export const MAX_PLAUSIBLE_CM = 100;
export const RESCALE_MIN_CM = 1;
export const RESCALE_MAX_CM = 200;

export function largestSide(box: BoundingBoxCm): { cm: number; label: "wide" | "tall" | "deep" } {
  const sides = [
    { cm: box.widthCm, label: "wide" as const },
    { cm: box.heightCm, label: "tall" as const },
    { cm: box.depthCm, label: "deep" as const },
  ];
  return sides.reduce((best, side) => (side.cm > best.cm ? side : best));
}

function formatCm(cm: number): string {
  return new Intl.NumberFormat("en", { maximumFractionDigits: cm < 10 ? 2 : 0 }).format(cm);
}

/**
 * Real dishes are between a couple of centimetres and a metre, so a model outside that range was almost certainly
 * exported with the wrong unit; in AR it would show as a speck or fill the room.
 */
export function sizeWarning(box: BoundingBoxCm): string | null {
  const side = largestSide(box);
  if (side.cm < MIN_PLAUSIBLE_CM) {
    return (
      `This dish is ${formatCm(side.cm)} cm ${side.label} — the model was probably made in metres as if they were ` +
      `centimetres. Rescale it to its real size.`
    );
  }
  if (side.cm > MAX_PLAUSIBLE_CM) {
    return (
      `This dish is ${formatCm(side.cm)} cm ${side.label} — the model was probably made in centimetres or ` +
      `millimetres and read as metres. Rescale it to its real size.`
    );
  }
  return null;
}

