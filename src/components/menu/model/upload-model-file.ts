import { uploadWithProgress } from "~/components/menu/upload-with-progress";

type UploadTarget = { restaurantId: string; productId: string };

/** Sends the .glb; the answer is the new model, queued for optimisation (it replaces any model the product had). */
export function uploadModelFile(target: UploadTarget, file: File, onProgress: (percent: number) => void) {
  return uploadWithProgress({
    url: `/api/uploads/model?${new URLSearchParams(target).toString()}`,
    file,
    onProgress,
    fallbackMessages: { 401: "Sign in again to upload a 3D model", 413: "The file is too large" },
  });
}
