import { open } from "node:fs/promises";
import { mediaByteLimit, tooLargeMessage } from "./media-limits";
import { SNIFF_BYTES, sniffMediaType, type SniffedMedia } from "./sniff-media-type";

export type UploadRefusalStatus = 400 | 413 | 415 | 422;

/** A refusal the uploader can act on; the route answers it with this status and message. */
export class MediaUploadError extends Error {
  constructor(
    readonly status: UploadRefusalStatus,
    message: string,
  ) {
    super(message);
    this.name = "MediaUploadError";
  }
}

/**
 * Writes the request body to `target` chunk by chunk, so memory holds one chunk at a time whatever the file's
 * size. The type is decided from the first bytes before anything is written, and the limit for that type is
 * enforced on the bytes actually received, not on a Content-Length the client chose.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array>, target: string): Promise<{ media: SniffedMedia; bytes: number }> {
  const reader = body.getReader();
  try {
    const head: Uint8Array[] = [];
    let headLength = 0;
    let done = false;
    while (headLength < SNIFF_BYTES && !done) {
      const next = await reader.read();
      done = next.done;
      if (next.value) {
        head.push(next.value);
        headLength += next.value.length;
      }
    }
    const first = Buffer.concat(head);
    const sniffed = sniffMediaType(first.subarray(0, SNIFF_BYTES));
    if (!sniffed.ok) throw new MediaUploadError(415, sniffed.message);
    const { media } = sniffed;
    const limit = mediaByteLimit(media.kind);

    const file = await open(target, "wx");
    try {
      let bytes = 0;
      const write = async (chunk: Uint8Array) => {
        bytes += chunk.length;
        if (bytes > limit) throw new MediaUploadError(413, tooLargeMessage(media.kind, limit));
        await file.write(chunk);
      };
      await write(first);
      while (!done) {
        const next = await reader.read();
        done = next.done;
        if (next.value) await write(next.value);
      }
      return { media, bytes };
    } finally {
      await file.close();
    }
  } catch (error) {
    // Stops the client's upload instead of reading (and discarding) the rest of it.
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
