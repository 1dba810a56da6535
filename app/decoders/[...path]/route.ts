import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DECODER_FILES, DECODER_PACKAGE_VERSIONS, type DecoderFile } from "~/lib/model-decoders";

// model-viewer's decoders, copied from the installed packages at build time: nothing is downloaded and the files
// cannot drift from the three.js / meshoptimizer code that calls them. Unknown paths are a 404.
export const dynamic = "force-static";
export const dynamicParams = false;

// The files are read while building (the server starts in the project folder, whose node_modules holds them). Not
// through require.resolve: the bundler would try to follow it, and both packages keep these files out of `exports`.
function packageRoot(name: DecoderFile["packageName"]): string {
  return join(process.cwd(), "node_modules", name);
}

async function installedVersion(name: DecoderFile["packageName"]): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile(join(packageRoot(name), "package.json"), "utf8"));
  return typeof manifest === "object" && manifest !== null && "version" in manifest ? String(manifest.version) : "";
}

export async function generateStaticParams(): Promise<{ path: string[] }[]> {
  // The URLs promise an immutable file per version: a package upgrade must move them.
  for (const [name, expected] of Object.entries(DECODER_PACKAGE_VERSIONS) as [DecoderFile["packageName"], string][]) {
    const actual = await installedVersion(name);
    if (actual !== expected) {
      throw new Error(`${name} ${actual} is installed but src/lib/model-decoders.ts names ${expected}: update it so the decoder URLs change`);
    }
  }
  return DECODER_FILES.map((file) => ({ path: [...file.path] }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const file = DECODER_FILES.find((candidate) => candidate.path.join("/") === path.join("/"));
  if (!file) return new Response("Not found", { status: 404 });
  const body = await readFile(join(packageRoot(file.packageName), file.file));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": file.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
