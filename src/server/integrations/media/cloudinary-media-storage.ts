import { v2 as cloudinary, type UploadApiResponse } from "cloudinary";
import { MAX_IMAGE_SIDE, THUMBNAIL_SIDE } from "./local-media-storage";
import { MediaStorageError, UnreadableMediaError, type MediaStorage } from "./media-storage";

// The SDK reads CLOUDINARY_URL (key, secret, cloud name) from the environment itself; with the secret known it
// signs every upload and destroy.

// The SDK rejects with the body's `error` object (message, with the HTTP status added), not an Error.
type CloudinaryFailure = { message?: unknown; http_code?: unknown };

function failure(action: string, error: unknown): Error {
  const detail: CloudinaryFailure = typeof error === "object" && error !== null ? error : {};
  const status = typeof detail.http_code === "number" ? detail.http_code : undefined;
  const reason = typeof detail.message === "string" ? detail.message : String(error);
  // 400 is Cloudinary's answer to a file it cannot decode; anything else is about the account or the service.
  if (action.startsWith("store") && status === 400) {
    return new UnreadableMediaError(`Cloudinary could not read this file: ${reason}`, { cause: error });
  }
  return new MediaStorageError(`Cloudinary refused to ${action}${status ? ` (HTTP ${status})` : ""}: ${reason}`, { cause: error });
}

const folderOf = (restaurantId: string) => `foodar/${restaurantId}`;

const thumbnail = { crop: "fill", gravity: "auto", width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, quality: "auto", fetch_format: "auto" };

export function createCloudinaryMediaStorage(): MediaStorage {
  const deliveryUrl = (upload: UploadApiResponse, transformation: object[], extra: object = {}) =>
    cloudinary.url(upload.public_id, {
      secure: true,
      resource_type: upload.resource_type,
      version: upload.version,
      transformation,
      // Stored URLs stay as Cloudinary documents them, without the SDK's analytics query.
      urlAnalytics: false,
      ...extra,
    });

  return {
    provider: "CLOUDINARY",

    async storeImage(restaurantId, filePath) {
      let upload: UploadApiResponse;
      try {
        // The incoming transformation keeps the stored original within 1200 px; format and quality are chosen
        // per browser at delivery (f_auto, q_auto), which an upload cannot do.
        upload = await cloudinary.uploader.upload(filePath, {
          resource_type: "image",
          folder: folderOf(restaurantId),
          transformation: [{ crop: "limit", width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE }],
        });
      } catch (error) {
        throw failure("store the image", error);
      }
      return {
        providerKey: upload.public_id,
        url: deliveryUrl(upload, [{ quality: "auto", fetch_format: "auto" }]),
        thumbnailUrl: deliveryUrl(upload, [thumbnail]),
        width: upload.width,
        height: upload.height,
        bytes: upload.bytes,
      };
    },

    async storeVideo(restaurantId, filePath) {
      let upload: UploadApiResponse;
      try {
        upload = await cloudinary.uploader.upload(filePath, { resource_type: "video", folder: folderOf(restaurantId) });
      } catch (error) {
        throw failure("store the video", error);
      }
      const duration = typeof upload.duration === "number" ? Math.round(upload.duration * 1000) : null;
      return {
        providerKey: upload.public_id,
        url: deliveryUrl(upload, [{ quality: "auto", fetch_format: "auto" }]),
        // Cloudinary makes a poster frame for any video delivered with an image extension.
        thumbnailUrl: deliveryUrl(upload, [{ crop: "fill", width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE }], { format: "jpg" }),
        width: upload.width ?? null,
        height: upload.height ?? null,
        bytes: upload.bytes,
        durationMs: duration,
      };
    },

    async remove(providerKey, kind) {
      let answer: { result?: string };
      try {
        answer = (await cloudinary.uploader.destroy(providerKey, {
          resource_type: kind === "VIDEO" ? "video" : "image",
          invalidate: true,
        })) as { result?: string };
      } catch (error) {
        throw failure(`remove ${providerKey}`, error);
      }
      // "not found" means it is already gone, which is what was asked.
      if (answer.result !== "ok" && answer.result !== "not found") {
        throw new MediaStorageError(`Cloudinary did not remove ${providerKey}: ${answer.result ?? "no result"}`);
      }
    },
  };
}
