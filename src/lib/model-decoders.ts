// The decoders model-viewer may need for a compressed model, served from our own origin (a menu must not depend on a
// third-party CDN). Their URLs carry the version of the package they come from, so browsers may keep them forever:
// app/decoders/[...path] refuses to build when the installed version no longer matches the one named here.

export const MESHOPTIMIZER_VERSION = "1.3.0";
export const THREE_VERSION = "0.183.2";

const ROOT = "/decoders";

/** What model-viewer loads as a classic <script> before decoding EXT_meshopt_compression. */
export const MESHOPT_DECODER_URL = `${ROOT}/meshopt-${MESHOPTIMIZER_VERSION}/meshopt_decoder.js`;
/** A folder: three's DRACOLoader appends draco_wasm_wrapper.js, draco_decoder.wasm (or draco_decoder.js). */
export const DRACO_DECODER_FOLDER = `${ROOT}/draco-${THREE_VERSION}/`;
/** A folder: three's KTX2Loader appends basis_transcoder.js and basis_transcoder.wasm. */
export const KTX2_TRANSCODER_FOLDER = `${ROOT}/basis-${THREE_VERSION}/`;

export type DecoderFile = {
  /** The URL path under /decoders, as segments. */
  path: [folder: string, file: string];
  /** The package that ships it, whose installed version must be the one in the folder name. */
  packageName: "meshoptimizer" | "three";
  /** Inside that package. */
  file: string;
  contentType: string;
};

const JS = "text/javascript; charset=utf-8";
const WASM = "application/wasm";

export const DECODER_FILES: readonly DecoderFile[] = [
  // The .cjs build is the classic script (it sets self.MeshoptDecoder); the .mjs one would fail as a <script>.
  { path: [`meshopt-${MESHOPTIMIZER_VERSION}`, "meshopt_decoder.js"], packageName: "meshoptimizer", file: "meshopt_decoder.cjs", contentType: JS },
  ...(["draco_wasm_wrapper.js", "draco_decoder.wasm", "draco_decoder.js"] as const).map(
    (name): DecoderFile => ({
      path: [`draco-${THREE_VERSION}`, name],
      packageName: "three",
      file: `examples/jsm/libs/draco/gltf/${name}`,
      contentType: name.endsWith(".wasm") ? WASM : JS,
    }),
  ),
  ...(["basis_transcoder.js", "basis_transcoder.wasm"] as const).map(
    (name): DecoderFile => ({
      path: [`basis-${THREE_VERSION}`, name],
      packageName: "three",
      file: `examples/jsm/libs/basis/${name}`,
      contentType: name.endsWith(".wasm") ? WASM : JS,
    }),
  ),
];

export const DECODER_PACKAGE_VERSIONS: Record<DecoderFile["packageName"], string> = {
  meshoptimizer: MESHOPTIMIZER_VERSION,
  three: THREE_VERSION,
};
