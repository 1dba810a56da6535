import { mediaStorageDriver } from "~/env.js";
import { localMediaRoot } from "~/server/integrations/media";
import { serveLocalMedia } from "~/server/integrations/media/serve-local-media";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ key: string[] }> };

async function serve(request: Request, { params }: Context): Promise<Response> {
  // With Cloudinary the stored URLs point at Cloudinary's CDN; nothing is served from this disk.
  if (mediaStorageDriver() !== "local") return Response.json({ error: "Not found" }, { status: 404 });
  const { key } = await params;
  return serveLocalMedia(request, key.join("/"), { root: localMediaRoot() });
}

export const GET = serve;
export const HEAD = serve;
