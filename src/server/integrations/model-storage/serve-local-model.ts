import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { isModelKey } from "./model-key";
import { GLB_CONTENT_TYPE } from "./model-storage";
import { isMissingFile, localModelPath } from "./local-model-storage";
import { verifyFileUrl } from "./signed-file-url";

// Scene Viewer and <model-viewer> fetch the model from another origin, and read ranges of it.
export const MODEL_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Range",
  "Access-Control-Expose-Headers": "Content-Length, Content-Range, Accept-Ranges, ETag",
} as const;

const SIGNATURE_MESSAGES = {
  missing: "This model link is missing its signature; ask the menu for a fresh link",
  malformed: "This model link's signature is malformed; ask the menu for a fresh link",
  forged: "This model link's signature is not valid",
  expired: "This model link has expired; reload the menu for a fresh link",
} as const;

function fail(status: number, error: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { ...MODEL_CORS_HEADERS, "Cache-Control": "no-store", ...extra } });
}

export function modelPreflight(): Response {
  return new Response(null, { status: 204, headers: { ...MODEL_CORS_HEADERS, "Access-Control-Max-Age": "86400" } });
}

type ByteRange = { start: number; end: number };

/**
 * One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`, clamped to the file. "none" means answer with the whole
 * file: no header, a syntax we do not serve (several ranges), or an invalid one, which RFC 9110 says to ignore.
 */
export function parseRange(header: string | null, size: number): ByteRange | "none" | "unsatisfiable" {
  if (!header) return "none";
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return "none";
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return "none";
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return "none";
  if (start >= size) return "unsatisfiable";
  return { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * Answers GET/HEAD for a signed local model URL. The signature is checked before the disk is touched, so a
 * caller without a valid link learns nothing about which files exist.
 */
export async function serveLocalModel(
  request: Request,
  key: string,
  options: { root: string; secret: string; now?: Date },
): Promise<Response> {
  const now = options.now ?? new Date();
  const query = new URL(request.url).searchParams;
  const check = verifyFileUrl(key, { expires: query.get("expires"), sig: query.get("sig") }, options.secret, now);
  if (!check.ok) return fail(403, SIGNATURE_MESSAGES[check.reason]);
  // Only reachable with a signature made for a key the storage would never have signed.
  if (!isModelKey(key)) return fail(400, "Not a model file key");

  let file;
  try {
    file = await open(localModelPath(options.root, key), "r");
  } catch (error) {
    if (isMissingFile(error)) return fail(404, "Model file not found");
    throw error;
  }
  let handedOver = false;
  try {
    const info = await file.stat();
    if (!info.isFile()) return fail(404, "Model file not found");
    const size = info.size;
    const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const secondsLeft = Math.max(0, check.expires - Math.floor(now.getTime() / 1000));
    const headers: Record<string, string> = {
      ...MODEL_CORS_HEADERS,
      "Content-Type": GLB_CONTENT_TYPE,
      "Accept-Ranges": "bytes",
      ETag: etag,
      // Private: the URL is a capability for one tenant's file, so shared caches should not keep copies of it;
      // and never cached past the moment the link stops working.
      "Cache-Control": `private, max-age=${secondsLeft}`,
    };

    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

    // If-Range with another validator means the client's partial copy is stale: send the whole file.
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
