import { uploadWithProgress } from "~/components/menu/upload-with-progress";

type UploadTarget = { restaurantId: string; productId: string };

export function uploadMediaFile(target: UploadTarget, file: File, onProgress: (percent: number) => void) {
  return uploadWithProgress({
    url: `/api/uploads/media?${new URLSearchParams(target).toString()}`,
    file,
    onProgress,
    fallbackMessages: { 401: "Sign in again to upload photos and videos", 413: "The file is too large" },
  });
}
