import { open } from "node:fs/promises";
import { Readable } from "node:stream";

export type ByteRange = { start: number; end: number };
export type FailResponse = (status: number, error: string, extra?: Record<string, string>) => Response;

export function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}

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
 * Answers GET/HEAD for a file on disk, streamed, with ETag/If-None-Match, If-Range and single Range requests.
 * `headers` are the caller's (type, caching, CORS); `fail` shapes its error answers.
 */
export async function serveFileRange(
  request: Request,
  path: string,
  options: { headers: Record<string, string>; fail: FailResponse; notFoundMessage: string },
): Promise<Response> {
  const { fail } = options;
  let file;
  try {
    file = await open(path, "r");
  } catch (error) {
    if (isMissingFile(error)) return fail(404, options.notFoundMessage);
    throw error;
  }
  let handedOver = false;
  try {
    const info = await file.stat();
    if (!info.isFile()) return fail(404, options.notFoundMessage);
    const size = info.size;
    const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = { ...options.headers, "Accept-Ranges": "bytes", ETag: etag };
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
