import { serveFileRange } from "~/server/integrations/files/serve-file-range";
import { isModelKey } from "./model-key";
import { GLB_CONTENT_TYPE } from "./model-storage";
import { localModelPath } from "./local-model-storage";
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

  const secondsLeft = Math.max(0, check.expires - Math.floor(now.getTime() / 1000));
  return serveFileRange(request, localModelPath(options.root, key), {
    headers: {
      ...MODEL_CORS_HEADERS,
      "Content-Type": GLB_CONTENT_TYPE,
      // Private: the URL is a capability for one tenant's file, so shared caches should not keep copies of it;
      // and never cached past the moment the link stops working.
      "Cache-Control": `private, max-age=${secondsLeft}`,
    },
    fail,
    notFoundMessage: "Model file not found",
  });
}
