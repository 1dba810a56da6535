import { env } from "~/env.js";
import type { MediaKind } from "./sniff-media-type";

export function mediaByteLimit(kind: MediaKind): number {
  return kind === "IMAGE" ? env.MEDIA_MAX_IMAGE_BYTES : env.MEDIA_MAX_VIDEO_BYTES;
}

const MB = 1024 * 1024;

export function formatLimit(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${(bytes / MB).toFixed(1)} MB`;
}

export function tooLargeMessage(kind: MediaKind, limit = mediaByteLimit(kind)): string {
  return `${kind === "IMAGE" ? "Images" : "Videos"} can be at most ${formatLimit(limit)}`;
}
