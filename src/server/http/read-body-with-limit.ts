export type LimitedBytes = { ok: true; bytes: Buffer } | { ok: false };
export type LimitedBody = { ok: true; text: string } | { ok: false };

/**
 * Reads a request body, giving up as soon as it passes maxBytes. Content-Length alone is not enough: a chunked
 * request has none, so the bytes are counted as they arrive.
 */
export async function readBytesWithLimit(request: Request, maxBytes: number): Promise<LimitedBytes> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** The same, as UTF-8 text. */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<LimitedBody> {
  const body = await readBytesWithLimit(request, maxBytes);
  return body.ok ? { ok: true, text: body.bytes.toString("utf8") } : body;
}
