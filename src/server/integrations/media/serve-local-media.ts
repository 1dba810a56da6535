import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { isMissingFile } from "~/server/integrations/model-storage/local-model-storage";
import { parseRange } from "~/server/integrations/model-storage/serve-local-model";
import { localMediaPath } from "./local-media-storage";
import { isMediaKey, mediaContentType } from "./media-key";

// Every name is used once and never rewritten, and menus are public: anyone, any cache, for a year.
const PUBLIC_IMMUTABLE = "public, max-age=31536000, immutable";

function fail(status: number, error: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...extra } });
}

/** Answers GET/HEAD for a local photo, thumbnail or video, with Range support so videos can be seeked. */
export async function serveLocalMedia(request: Request, key: string, options: { root: string }): Promise<Response> {
  if (!isMediaKey(key)) return fail(404, "Media file not found");
  let file;
  try {
    file = await open(localMediaPath(options.root, key), "r");
  } catch (error) {
    if (isMissingFile(error)) return fail(404, "Media file not found");
    throw error;
  }
  let handedOver = false;
  try {
    const info = await file.stat();
    if (!info.isFile()) return fail(404, "Media file not found");
    const size = info.size;
    const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      "Content-Type": mediaContentType(key),
      "X-Content-Type-Options": "nosniff",
      "Accept-Ranges": "bytes",
      ETag: etag,
      "Cache-Control": PUBLIC_IMMUTABLE,
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

    const ifRange = request.headers.get("if-range");
    const range = ifRange && ifRange !== etag ? "none" : parseRange(request.headers.get("range"), size);
    if (range === "unsatisfiable") {
      return fail(416, `Range not satisfiable for a file of ${size} bytes`, { "Content-Range": `bytes */${size}` });
    }
    const { start, end } = range === "none" ? { start: 0, end: size - 1 } : range;
    const status = range === "none" ? 200 : 206;
    headers["Content-Length"] = String(size === 0 ? 0 : end - start + 1);
    if (status === 206) headers["Content-Range"] = `bytes ${start}-${end}/${size}`;

    if (request.method === "HEAD" || size === 0) return new Response(null, { status, headers });
    // The stream owns the file handle from here and closes it at the end, on error, or when the client goes away.
    const body = Readable.toWeb(file.createReadStream({ start, end })) as ReadableStream<Uint8Array>;
    handedOver = true;
    return new Response(body, { status, headers });
  } finally {
    if (!handedOver) await file.close();
  }
}
