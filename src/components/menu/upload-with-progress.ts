import { PaymentRequiredUploadError } from "~/components/billing/error-toast";

/** Rejected with when the owner cancels, so the caller can stay quiet about it. */
export class UploadCancelled extends Error {
  constructor() {
    super("The upload was cancelled");
  }
}

type UploadRequest = {
  url: string;
  file: File;
  onProgress: (percent: number) => void;
  /** By status, for answers without a JSON error, e.g. a proxy refused the body before the app saw it. */
  fallbackMessages: Partial<Record<number, string>>;
};

function failure(status: number, body: unknown, fallbackMessages: UploadRequest["fallbackMessages"]): Error {
  const message = failureMessage(status, body, fallbackMessages);
  const billingPath = typeof body === "object" && body !== null && "billingPath" in body && typeof body.billingPath === "string" ? body.billingPath : null;
  return status === 402 && billingPath ? new PaymentRequiredUploadError(message, billingPath) : new Error(message);
}

function failureMessage(status: number, body: unknown, fallbackMessages: UploadRequest["fallbackMessages"]): string {
  if (typeof body === "object" && body !== null && "error" in body && typeof body.error === "string") return body.error;
  return fallbackMessages[status] ?? "The upload failed; try again";
}

/**
 * POSTs the file as the raw request body. XMLHttpRequest rather than fetch: only it reports upload progress.
 * `done` resolves once the server has answered 201, and rejects with the server's message for a person.
 */
export function uploadWithProgress({ url, file, onProgress, fallbackMessages }: UploadRequest) {
  const xhr = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve();
      else reject(failure(xhr.status, xhr.response, fallbackMessages));
    };
    xhr.onerror = () => reject(new Error("The connection was lost during the upload; try again"));
    xhr.onabort = () => reject(new UploadCancelled());
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
