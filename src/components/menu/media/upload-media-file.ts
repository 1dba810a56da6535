/** Rejected with when the owner cancels, so the caller can stay quiet about it. */
export class MediaUploadCancelled extends Error {
  constructor() {
    super("The upload was cancelled");
  }
}

type UploadTarget = { restaurantId: string; productId: string };

// Used when the answer has no JSON error, e.g. a proxy refused the body before the app saw it.
const FALLBACK_MESSAGES: Record<number, string> = {
  401: "Sign in again to upload photos and videos",
  413: "The file is too large",
};

function failureMessage(status: number, body: unknown): string {
  if (typeof body === "object" && body !== null && "error" in body && typeof body.error === "string") return body.error;
  return FALLBACK_MESSAGES[status] ?? "The upload failed; try again";
}

/**
 * Sends the file as the raw request body. XMLHttpRequest rather than fetch: only it reports upload progress.
 * `done` resolves once the server has stored the file, and rejects with the server's message for a person.
 */
export function uploadMediaFile(target: UploadTarget, file: File, onProgress: (percent: number) => void) {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams(target);
  const done = new Promise<void>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve();
      else reject(new Error(failureMessage(xhr.status, xhr.response)));
    };
    xhr.onerror = () => reject(new Error("The connection was lost during the upload; try again"));
    xhr.onabort = () => reject(new MediaUploadCancelled());
    xhr.open("POST", `/api/uploads/media?${query.toString()}`);
    xhr.responseType = "json";
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
