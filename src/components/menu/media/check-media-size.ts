import { formatBytes } from "~/lib/format-bytes";
import type { MediaLimits } from "~/components/menu/media/media-types";

/**
 * Why the file is too large to send, or null. The browser's type is only a hint (the server sniffs the bytes),
 * but it is enough to pick the limit: a video named .jpg is still refused by the server, just after sending.
 */
export function mediaSizeProblem(file: File, limits: MediaLimits): string | null {
  const isVideo = file.type.startsWith("video/");
  const limit = isVideo ? limits.videoBytes : limits.imageBytes;
  if (file.size <= limit) return null;
  return `${file.name} is ${formatBytes(file.size)}; ${isVideo ? "videos" : "photos"} can be at most ${formatBytes(limit)}`;
}
