import { serveFileRange } from "~/server/integrations/files/serve-file-range";
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
  return serveFileRange(request, localMediaPath(options.root, key), {
    headers: { "Content-Type": mediaContentType(key), "X-Content-Type-Options": "nosniff", "Cache-Control": PUBLIC_IMMUTABLE },
    fail,
    notFoundMessage: "Media file not found",
  });
}
