import { open } from "node:fs/promises";

export type UploadRefusalStatus = 400 | 413 | 415 | 422;

/** A refusal the uploader can act on; upload routes answer it with this status and message. */
export class UploadRefusedError extends Error {
  constructor(
    readonly status: UploadRefusalStatus,
    message: string,
  ) {
    super(message);
    this.name = "UploadRefusedError";
  }
}

/** What the first bytes decided: how many bytes this kind of file may have, and what to say when it has more. */
export type UploadAllowance = { limit: number; tooLarge: string };

/**
 * Writes the request body to `target` chunk by chunk, so memory holds one chunk at a time whatever the file's
 * size. `inspect` sees the first `headBytes` bytes before anything is written (it throws UploadRefusedError to
 * refuse the file), and its limit is enforced on the bytes actually received, not on a Content-Length the
 * client chose.
 */
export async function receiveBody(
  body: ReadableStream<Uint8Array>,
  target: string,
  options: { headBytes: number; inspect: (head: Uint8Array) => UploadAllowance },
): Promise<{ bytes: number }> {
  const reader = body.getReader();
  try {
    const head: Uint8Array[] = [];
    let headLength = 0;
    let done = false;
    while (headLength < options.headBytes && !done) {
      const next = await reader.read();
      done = next.done;
      if (next.value) {
        head.push(next.value);
        headLength += next.value.length;
      }
    }
    const first = Buffer.concat(head);
    const { limit, tooLarge } = options.inspect(first.subarray(0, options.headBytes));

    const file = await open(target, "wx");
    try {
      let bytes = 0;
      const write = async (chunk: Uint8Array) => {
        bytes += chunk.length;
        if (bytes > limit) throw new UploadRefusedError(413, tooLarge);
        await file.write(chunk);
      };
      await write(first);
      while (!done) {
        const next = await reader.read();
        done = next.done;
        if (next.value) await write(next.value);
      }
      return { bytes };
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
