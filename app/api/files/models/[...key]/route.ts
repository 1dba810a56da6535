import { modelStorageDriver } from "~/env.js";
import { localFileUrlSecret, localModelsRoot } from "~/server/integrations/model-storage";
import { modelPreflight, serveLocalModel } from "~/server/integrations/model-storage/serve-local-model";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ key: string[] }> };

async function serve(request: Request, { params }: Context): Promise<Response> {
  // With Supabase Storage the signed URLs point at Supabase; nothing is served from this disk.
  if (modelStorageDriver() !== "local") return Response.json({ error: "Not found" }, { status: 404 });
  const { key } = await params;
  return serveLocalModel(request, key.join("/"), { root: localModelsRoot(), secret: localFileUrlSecret() });
}

export const GET = serve;
export const HEAD = serve;

export function OPTIONS() {
  return modelPreflight();
}
