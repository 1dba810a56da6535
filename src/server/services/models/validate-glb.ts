// Checks that an upload really is a self-contained glTF 2.0 binary before anything is stored. It only reads the
// structure (header, chunks, and the index tables in the JSON); it never decodes geometry or images, so it is cheap
// enough to run inside the upload request. A file it accepts can be handed to the optimiser without that job
// reading outside a buffer or unpacking more geometry than the limits allow, whatever numbers the file declares.

export const GLB_ERROR_CODES = [
  "EMPTY_FILE",
  "FILE_TOO_LARGE",
  "NOT_GLB",
  "TRUNCATED",
  "UNSUPPORTED_GLB_VERSION",
  "LENGTH_MISMATCH",
  "MISSING_JSON_CHUNK",
  "CHUNK_OUT_OF_BOUNDS",
  "CHUNK_MISALIGNED",
  "UNEXPECTED_CHUNK",
  "TRAILING_DATA",
  "JSON_TOO_LARGE",
  "JSON_NOT_UTF8",
  "JSON_INVALID",
  "JSON_NOT_OBJECT",
  "MISSING_ASSET_VERSION",
  "UNSUPPORTED_GLTF_VERSION",
  "INVALID_GLTF",
  "TOO_COMPLEX",
  "MISSING_BIN_CHUNK",
  "BUFFER_EXCEEDS_BIN",
  "EXTERNAL_RESOURCE",
  "DATA_URI",
  "INVALID_BUFFER",
  "INVALID_BUFFER_VIEW",
  "BUFFER_VIEW_OUT_OF_BOUNDS",
  "INVALID_ACCESSOR",
  "ACCESSOR_OUT_OF_BOUNDS",
  "INVALID_IMAGE",
  "UNSUPPORTED_IMAGE_TYPE",
  "INVALID_MESH",
] as const;

export type GlbErrorCode = (typeof GLB_ERROR_CODES)[number];

export type GlbLimits = {
  maxBytes: number;
  maxJsonBytes: number;
  /** Per top-level list (accessors, buffer views, nodes, …) and for all mesh primitives together. */
  maxItems: number;
  /** Sum of the POSITION counts of every primitive. */
  maxVertices: number;
  /** What decoding every accessor would allocate; many accessors can share one buffer view, so file size alone does not bound it. */
  maxDecodedBytes: number;
};

export const DEFAULT_GLB_LIMITS: Readonly<GlbLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxJsonBytes: 64 * 1024 * 1024,
  maxItems: 100_000,
  maxVertices: 5_000_000,
  maxDecodedBytes: 512 * 1024 * 1024,
};

export type GlbInfo = {
  byteLength: number;
  jsonLength: number;
  binLength: number;
  bufferCount: number;
  bufferViewCount: number;
  accessorCount: number;
  meshCount: number;
  primitiveCount: number;
  nodeCount: number;
  materialCount: number;
  textureCount: number;
  imageCount: number;
  vertexCount: number;
  generator: string | null;
  extensionsUsed: string[];
};

export type GlbValidation = { ok: true; info: GlbInfo } | { ok: false; code: GlbErrorCode; message: string };

const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;
const HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

// Maps rather than object literals: the keys come from the uploaded file, and a plain object would answer
// "constructor" or "toString" from its prototype.
const COMPONENT_SIZES = new Map<unknown, number>([
  [5120, 1],
  [5121, 1],
  [5122, 2],
  [5123, 2],
  [5125, 4],
  [5126, 4],
]);
const SPARSE_INDEX_SIZES = new Map<unknown, number>([
  [5121, 1],
  [5123, 2],
  [5125, 4],
]);
const TYPE_COMPONENTS = new Map<string, number>([
  ["SCALAR", 1],
  ["VEC2", 2],
  ["VEC3", 3],
  ["VEC4", 4],
  ["MAT2", 4],
  ["MAT3", 9],
  ["MAT4", 16],
]);
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);
const KTX2_TYPE = "image/ktx2";
const KTX2_EXTENSION = "KHR_texture_basisu";
const MESHOPT_EXTENSION = "EXT_meshopt_compression";
const COUNTED_LISTS = [
  "accessors",
  "animations",
  "buffers",
  "bufferViews",
  "cameras",
  "extensionsRequired",
  "extensionsUsed",
  "images",
  "materials",
  "meshes",
  "nodes",
  "samplers",
  "scenes",
  "skins",
  "textures",
] as const;

const REEXPORT = "Export the model again from your 3D tool as glTF Binary (.glb) and upload that file.";

type Json = Record<string, unknown>;

class GlbRefusal extends Error {
  constructor(
    readonly code: GlbErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function refuse(code: GlbErrorCode, message: string): never {
  throw new GlbRefusal(code, message);
}

const integerFormat = new Intl.NumberFormat("en-US");
const formatCount = (value: number) => integerFormat.format(value);

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

/** A value from the file, shortened for a message: the file chooses it, so it may be anything of any size. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 40));
  if (typeof value === "number" || typeof value === "boolean" || value === null) return `${value}`;
  return value === undefined ? "none" : Array.isArray(value) ? "a list" : "an object";
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isIndex(value: unknown, length: number): value is number {
  return isCount(value) && value < length;
}

/** An optional non-negative integer; absent means `fallback`, anything else is refused with `what`. */
function optionalCount(value: unknown, fallback: number, code: GlbErrorCode, what: string): number {
  if (value === undefined) return fallback;
  if (!isCount(value)) refuse(code, `${what} is not a valid number. ${REEXPORT}`);
  return value;
}

function listOf(json: Json, key: string): unknown[] {
  const value = json[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse("INVALID_GLTF", `The model's description is damaged: "${key}" should be a list. ${REEXPORT}`);
  return value;
}

function startsWith(bytes: Uint8Array, text: string, at = 0): boolean {
  if (bytes.length < at + text.length) return false;
  for (let index = 0; index < text.length; index += 1) {
    if (bytes[at + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

function printablePrefix(bytes: Uint8Array): string {
  let prefix = "";
  for (const byte of bytes.subarray(0, 4)) {
    if (byte < 0x20 || byte > 0x7e) break;
    prefix += String.fromCharCode(byte);
  }
  return prefix;
}

// Owners often pick the wrong file from a download folder; naming what it looks like tells them which one to pick.
function describeForeignFile(bytes: Uint8Array): string {
  const text = String.fromCharCode(...bytes.subarray(0, 64));
  const prefix = printablePrefix(bytes);
  const startsAs = prefix ? `it starts with '${prefix}', ` : "it ";
  if (startsWith(bytes, "PK\x03\x04")) {
    return `This file is not a GLB 3D model (${startsAs}which looks like a ZIP). If it is a download or a .usdz, unzip it or export the model as glTF Binary (.glb).`;
  }
  if (startsWith(bytes, "\x89PNG")) return "This file is a PNG image, not a GLB 3D model. Upload photos under the dish's photos instead.";
  if (startsWith(bytes, "\xff\xd8\xff")) return "This file is a JPEG image, not a GLB 3D model. Upload photos under the dish's photos instead.";
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return "This file is a WebP image, not a GLB 3D model.";
  if (startsWith(bytes, "ftyp", 4)) return "This file looks like a video or a phone photo, not a GLB 3D model.";
  if (startsWith(bytes, "%PDF")) return "This file is a PDF document, not a GLB 3D model.";
  if (startsWith(bytes, "Kaydara FBX")) return `This file is an FBX model. ${REEXPORT}`;
  if (/^\s*\{/.test(text)) {
    return `This file looks like a text glTF (.gltf), which keeps its data in separate files. ${REEXPORT}`;
  }
  if (/^\s*solid\s/.test(text)) return `This file looks like an STL model. ${REEXPORT}`;
  if (/^\s*(#|v |vn |vt |o |g |mtllib )/.test(text)) return `This file looks like an OBJ model. ${REEXPORT}`;
  return `This file is not a GLB 3D model (${startsAs}not with 'glTF'). ${REEXPORT}`;
}

type Chunks = { jsonStart: number; jsonLength: number; hasBin: boolean; binLength: number };

function readChunks(bytes: Uint8Array, view: DataView, limits: GlbLimits): Chunks {
  if (bytes.length < HEADER_BYTES + CHUNK_HEADER_BYTES) {
    refuse("TRUNCATED", "The file is cut short: it ends right after its header. Upload it again.");
  }
  let offset = HEADER_BYTES;
  let index = 0;
  const chunks: Chunks = { jsonStart: 0, jsonLength: 0, hasBin: false, binLength: 0 };
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    if (remaining < CHUNK_HEADER_BYTES) {
      refuse("TRAILING_DATA", `The file ends with ${formatCount(remaining)} stray bytes that belong to no section. ${REEXPORT}`);
    }
    const length = view.getUint32(offset, true);
    const type = view.getUint32(offset + 4, true);
    const start = offset + CHUNK_HEADER_BYTES;
    const section = index === 0 ? "The model's description (JSON chunk)" : `Section ${index + 1} of the file`;
    if (index === 0 && type !== CHUNK_JSON) {
      refuse("MISSING_JSON_CHUNK", `The file does not start with the model's description (JSON chunk) as a GLB must. ${REEXPORT}`);
    }
    if (length > bytes.length - start) {
      refuse(
        "CHUNK_OUT_OF_BOUNDS",
        `${section} claims ${formatCount(length)} bytes but only ${formatCount(bytes.length - start)} remain in the file. ${REEXPORT}`,
      );
    }
    if (length % 4 !== 0) {
      refuse("CHUNK_MISALIGNED", `${section} is ${formatCount(length)} bytes long, which is not a multiple of 4 as GLB requires. ${REEXPORT}`);
    }
    if (index === 0) {
      if (length > limits.maxJsonBytes) {
        refuse("JSON_TOO_LARGE", `The model's description is ${formatSize(length)}; the limit is ${formatSize(limits.maxJsonBytes)}. Simplify the model.`);
      }
      chunks.jsonStart = start;
      chunks.jsonLength = length;
    } else if (index === 1 && type === CHUNK_BIN) {
      chunks.hasBin = true;
      chunks.binLength = length;
    } else if (type === CHUNK_JSON || type === CHUNK_BIN) {
      // The spec allows unknown chunks after these two (they are skipped) but not a second description or payload.
      refuse("UNEXPECTED_CHUNK", `${section} is a second ${type === CHUNK_JSON ? "description" : "binary data"} chunk, which a GLB may not have. ${REEXPORT}`);
    }
    offset = start + length;
    index += 1;
  }
  return chunks;
}

function parseJson(bytes: Uint8Array, chunks: Chunks): Json {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(chunks.jsonStart, chunks.jsonStart + chunks.jsonLength));
  } catch {
    refuse("JSON_NOT_UTF8", `The model's description is not valid UTF-8 text; the file is damaged. ${REEXPORT}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse("JSON_INVALID", `The model's description (JSON) cannot be read; the file is damaged. ${REEXPORT}`);
  }
  if (!isObject(json)) {
    refuse("JSON_NOT_OBJECT", `The model's description is ${Array.isArray(json) ? "a list" : "a single value"} instead of a glTF object. ${REEXPORT}`);
  }
  return json;
}

function parseVersion(value: unknown): { major: number; minor: number } | null {
  const match = typeof value === "string" ? /^(\d+)\.(\d+)$/.exec(value) : null;
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

function checkAsset(json: Json): string | null {
  const asset = json.asset;
  const version = isObject(asset) ? parseVersion(asset.version) : null;
  if (!isObject(asset) || !version) {
    refuse("MISSING_ASSET_VERSION", `The model does not say which glTF version it uses (asset.version). ${REEXPORT}`);
  }
  if (version.major !== 2) {
    refuse("UNSUPPORTED_GLTF_VERSION", `The model is glTF ${shown(asset.version)}; only glTF 2.0 is supported. ${REEXPORT}`);
  }
  if (asset.minVersion !== undefined) {
    const minVersion = parseVersion(asset.minVersion);
    if (!minVersion || minVersion.major > 2 || (minVersion.major === 2 && minVersion.minor > 0)) {
      refuse("UNSUPPORTED_GLTF_VERSION", `The model needs glTF ${shown(asset.minVersion)} or later; only glTF 2.0 is supported. ${REEXPORT}`);
    }
  }
  return typeof asset.generator === "string" ? asset.generator.slice(0, 200) : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function refuseUri(uri: string, what: string): never {
  if (/^data:/i.test(uri)) {
    refuse("DATA_URI", `${what} is embedded as text (a data: URI), which is slow to load on phones. ${REEXPORT}`);
  }
  refuse("EXTERNAL_RESOURCE", `${what} is in a separate file ("${uri.slice(0, 80)}") that was not uploaded; an AR model must be one self-contained file. ${REEXPORT}`);
}

function checkBuffers(buffers: unknown[], binLength: number, hasBin: boolean, extensionsUsed: string[]): { lengths: number[]; fallbackBytes: number } {
  let fallbackBytes = 0;
  const lengths = buffers.map((buffer, index) => {
    const what = `Binary buffer ${index}`;
    if (!isObject(buffer)) refuse("INVALID_BUFFER", `${what} is malformed. ${REEXPORT}`);
    if (!isCount(buffer.byteLength) || buffer.byteLength < 1) refuse("INVALID_BUFFER", `${what} has no valid length. ${REEXPORT}`);
    if (typeof buffer.uri === "string") refuseUri(buffer.uri, what);
    if (index === 0) {
      if (!hasBin) refuse("MISSING_BIN_CHUNK", `The model refers to binary data but the file has none; it is incomplete. ${REEXPORT}`);
      if (buffer.byteLength > binLength) {
        refuse(
          "BUFFER_EXCEEDS_BIN",
          `The model expects ${formatCount(buffer.byteLength)} bytes of binary data but the file holds only ${formatCount(binLength)}; it is incomplete. ${REEXPORT}`,
        );
      }
      return buffer.byteLength;
    }
    // Meshopt-compressed files declare an empty buffer that the decoder fills; everything else must hold data.
    const meshopt = isObject(buffer.extensions) ? buffer.extensions[MESHOPT_EXTENSION] : undefined;
    if (!extensionsUsed.includes(MESHOPT_EXTENSION) || !isObject(meshopt) || meshopt.fallback !== true) {
      refuse("INVALID_BUFFER", `${what} has no data: in a GLB only the first buffer can live inside the file. ${REEXPORT}`);
    }
    fallbackBytes += buffer.byteLength;
    return buffer.byteLength;
  });
  return { lengths, fallbackBytes };
}

type ViewInfo = { byteLength: number; byteStride: number | undefined };

function checkRange(bufferLengths: number[], bufferIndex: unknown, byteOffset: unknown, byteLength: unknown, what: string): number {
  if (!isIndex(bufferIndex, bufferLengths.length)) refuse("INVALID_BUFFER_VIEW", `${what} refers to binary buffer ${shown(bufferIndex)}, which does not exist. ${REEXPORT}`);
  const offset = optionalCount(byteOffset, 0, "INVALID_BUFFER_VIEW", `The start of ${what}`);
  if (!isCount(byteLength) || byteLength < 1) refuse("INVALID_BUFFER_VIEW", `${what} has no valid length. ${REEXPORT}`);
  const available = bufferLengths[bufferIndex] ?? 0;
  if (offset + byteLength > available) {
    refuse(
      "BUFFER_VIEW_OUT_OF_BOUNDS",
      `${what} reads bytes ${formatCount(offset)} to ${formatCount(offset + byteLength)} of a buffer that has only ${formatCount(available)}; the file is damaged. ${REEXPORT}`,
    );
  }
  return byteLength;
}

function checkBufferViews(bufferViews: unknown[], bufferLengths: number[]): ViewInfo[] {
  return bufferViews.map((bufferView, index) => {
    const what = `Data block ${index} (buffer view)`;
    if (!isObject(bufferView)) refuse("INVALID_BUFFER_VIEW", `${what} is malformed. ${REEXPORT}`);
    const byteLength = checkRange(bufferLengths, bufferView.buffer, bufferView.byteOffset, bufferView.byteLength, what);
    const stride = bufferView.byteStride;
    if (stride !== undefined && (!isCount(stride) || stride < 4 || stride > 252 || stride % 4 !== 0)) {
      refuse("INVALID_BUFFER_VIEW", `${what} has a stride of ${shown(stride)} bytes; it must be a multiple of 4 between 4 and 252. ${REEXPORT}`);
    }
    const meshopt = isObject(bufferView.extensions) ? bufferView.extensions[MESHOPT_EXTENSION] : undefined;
    if (isObject(meshopt)) {
      checkRange(bufferLengths, meshopt.buffer, meshopt.byteOffset, meshopt.byteLength, `The compressed data of ${what.toLowerCase()}`);
    }
    return { byteLength, byteStride: stride };
  });
}

/** Bytes one element occupies; matrix columns of 1- and 2-byte components are padded to 4 bytes. */
function elementSize(type: string, components: number, componentSize: number): number {
  if (type === "MAT2" && componentSize === 1) return 8;
  if (type === "MAT3" && componentSize === 1) return 12;
  if (type === "MAT3" && componentSize === 2) return 24;
  return components * componentSize;
}

function checkAccessorRange(view: ViewInfo, byteOffset: number, count: number, stride: number, size: number, what: string) {
  // Plain doubles: with counts up to 2^53 the product may lose precision, but only far beyond any real buffer length.
  const end = byteOffset + (count - 1) * stride + size;
  if (end > view.byteLength) {
    refuse(
      "ACCESSOR_OUT_OF_BOUNDS",
      `${what} declares ${formatCount(count)} items, which would need ${formatCount(end)} bytes, but its data block has only ${formatCount(view.byteLength)}; the file is damaged. ${REEXPORT}`,
    );
  }
}

function checkSparse(sparse: unknown, count: number, size: number, views: ViewInfo[], what: string) {
  if (!isObject(sparse)) refuse("INVALID_ACCESSOR", `${what} has malformed sparse data. ${REEXPORT}`);
  const { indices, values } = sparse;
  if (!isCount(sparse.count) || sparse.count < 1 || sparse.count > count) {
    refuse("INVALID_ACCESSOR", `${what} has a sparse count of ${shown(sparse.count)}; it must be between 1 and ${formatCount(count)}. ${REEXPORT}`);
  }
  if (!isObject(indices) || !isObject(values)) refuse("INVALID_ACCESSOR", `${what} has malformed sparse data. ${REEXPORT}`);
  const indexSize = SPARSE_INDEX_SIZES.get(indices.componentType);
  if (indexSize === undefined) refuse("INVALID_ACCESSOR", `${what} uses an unknown sparse index format (${shown(indices.componentType)}). ${REEXPORT}`);
  for (const [part, itemSize] of [[indices, indexSize], [values, size]] as const) {
    if (!isIndex(part.bufferView, views.length)) {
      refuse("INVALID_ACCESSOR", `${what} refers to data block ${shown(part.bufferView)} for its sparse data, which does not exist. ${REEXPORT}`);
    }
    const view = views[part.bufferView];
    const offset = optionalCount(part.byteOffset, 0, "INVALID_ACCESSOR", `The sparse data offset of ${what.toLowerCase()}`);
    if (view) checkAccessorRange(view, offset, sparse.count, itemSize, itemSize, `The sparse data of ${what.toLowerCase()}`);
  }
}

function checkAccessors(accessors: unknown[], views: ViewInfo[], limits: GlbLimits, fallbackBytes: number): number[] {
  let decodedBytes = fallbackBytes;
  return accessors.map((accessor, index) => {
    const what = `Data set ${index} (accessor)`;
    if (!isObject(accessor)) refuse("INVALID_ACCESSOR", `${what} is malformed. ${REEXPORT}`);
    const componentSize = COMPONENT_SIZES.get(accessor.componentType);
    if (componentSize === undefined) {
      refuse("INVALID_ACCESSOR", `${what} uses an unknown number format (componentType ${shown(accessor.componentType)}). ${REEXPORT}`);
    }
    const { type } = accessor;
    const components = typeof type === "string" ? TYPE_COMPONENTS.get(type) : undefined;
    if (typeof type !== "string" || components === undefined) {
      refuse("INVALID_ACCESSOR", `${what} has an unknown type (${shown(type)}); it must be SCALAR, VEC2, VEC3, VEC4, MAT2, MAT3 or MAT4. ${REEXPORT}`);
    }
    const { count } = accessor;
    if (!isCount(count) || count < 1) refuse("INVALID_ACCESSOR", `${what} has an invalid item count (${shown(count)}). ${REEXPORT}`);
    const size = elementSize(type, components, componentSize);
    if (accessor.bufferView !== undefined) {
      if (!isIndex(accessor.bufferView, views.length)) {
        refuse("INVALID_ACCESSOR", `${what} refers to data block ${shown(accessor.bufferView)}, which does not exist. ${REEXPORT}`);
      }
      const view = views[accessor.bufferView];
      const byteOffset = optionalCount(accessor.byteOffset, 0, "INVALID_ACCESSOR", `The start of ${what.toLowerCase()}`);
      if (view) {
        if (view.byteStride !== undefined && view.byteStride < size) {
          refuse("INVALID_ACCESSOR", `${what} has ${formatCount(size)}-byte items but its data block steps only ${formatCount(view.byteStride)} bytes between them. ${REEXPORT}`);
        }
        checkAccessorRange(view, byteOffset, count, view.byteStride ?? size, size, what);
      }
    }
    if (accessor.sparse !== undefined) checkSparse(accessor.sparse, count, size, views, what);
    decodedBytes += count * size;
    if (decodedBytes > limits.maxDecodedBytes) {
      refuse(
        "TOO_COMPLEX",
        `The model would need more than ${formatSize(limits.maxDecodedBytes)} of memory once unpacked (data set ${index} alone declares ${formatCount(count)} items). Simplify the model or reduce its polygon count.`,
      );
    }
    return count;
  });
}

function checkImages(images: unknown[], views: ViewInfo[], extensionsUsed: string[]) {
  images.forEach((image, index) => {
    const what = `Texture image ${index}`;
    if (!isObject(image)) refuse("INVALID_IMAGE", `${what} is malformed. ${REEXPORT}`);
    if (typeof image.uri === "string") refuseUri(image.uri, what);
    if (!isIndex(image.bufferView, views.length)) {
      refuse(
        "INVALID_IMAGE",
        image.bufferView === undefined
          ? `${what} has no picture data. ${REEXPORT}`
          : `${what} refers to data block ${shown(image.bufferView)}, which does not exist. ${REEXPORT}`,
      );
    }
    const type = image.mimeType;
    const allowed = typeof type === "string" && (IMAGE_TYPES.has(type) || (type === KTX2_TYPE && extensionsUsed.includes(KTX2_EXTENSION)));
    if (!allowed) {
      refuse(
        "UNSUPPORTED_IMAGE_TYPE",
        `${what} is ${typeof type === "string" ? `of type "${type.slice(0, 40)}"` : "of no declared type"}; textures must be PNG, JPEG or WebP. Convert the textures in your 3D tool and export again.`,
      );
    }
  });
}

function accessorReference(value: unknown, accessorCounts: number[], what: string): number {
  if (!isIndex(value, accessorCounts.length)) {
    refuse("INVALID_MESH", `${what} uses data set ${shown(value)}, which does not exist; the file is damaged. ${REEXPORT}`);
  }
  return accessorCounts[value] ?? 0;
}

function checkMeshes(meshes: unknown[], accessorCounts: number[], limits: GlbLimits): { primitiveCount: number; vertexCount: number } {
  let primitiveCount = 0;
  let vertexCount = 0;
  meshes.forEach((mesh, meshIndex) => {
    const name = isObject(mesh) && typeof mesh.name === "string" && mesh.name ? ` ("${mesh.name.slice(0, 40)}")` : "";
    const what = `Mesh ${meshIndex}${name}`;
    if (!isObject(mesh) || !Array.isArray(mesh.primitives) || mesh.primitives.length === 0) {
      refuse("INVALID_MESH", `${what} has no parts to draw. ${REEXPORT}`);
    }
    primitiveCount += mesh.primitives.length;
    if (primitiveCount > limits.maxItems) {
      refuse("TOO_COMPLEX", `The model has more than ${formatCount(limits.maxItems)} mesh parts. Merge or simplify meshes in your 3D tool.`);
    }
    mesh.primitives.forEach((primitive, primitiveIndex) => {
      const part = `${what}, part ${primitiveIndex},`;
      if (!isObject(primitive) || !isObject(primitive.attributes)) refuse("INVALID_MESH", `${part} is malformed. ${REEXPORT}`);
      if (primitive.mode !== undefined && !(isCount(primitive.mode) && primitive.mode <= 6)) {
        refuse("INVALID_MESH", `${part} has an unknown drawing mode (${shown(primitive.mode)}). ${REEXPORT}`);
      }
      for (const [attribute, accessor] of Object.entries(primitive.attributes)) {
        const count = accessorReference(accessor, accessorCounts, `${part} ${attribute.slice(0, 40)}`);
        if (attribute === "POSITION") vertexCount += count;
      }
      if (primitive.indices !== undefined) accessorReference(primitive.indices, accessorCounts, `${part} indices`);
      if (primitive.targets !== undefined) {
        if (!Array.isArray(primitive.targets)) refuse("INVALID_MESH", `${part} has malformed morph targets. ${REEXPORT}`);
        primitive.targets.forEach((target, targetIndex) => {
          if (!isObject(target)) refuse("INVALID_MESH", `${part} has a malformed morph target ${targetIndex}. ${REEXPORT}`);
          for (const [attribute, accessor] of Object.entries(target)) {
            accessorReference(accessor, accessorCounts, `${part} morph target ${targetIndex} ${attribute.slice(0, 40)}`);
          }
        });
      }
    });
    if (vertexCount > limits.maxVertices) {
      refuse(
        "TOO_COMPLEX",
        `The model has more than ${formatCount(limits.maxVertices)} vertices, too many for phones to show smoothly. Reduce its polygon count (decimate) and export again.`,
      );
    }
  });
  return { primitiveCount, vertexCount };
}

function check(bytes: Uint8Array, limits: GlbLimits): GlbInfo {
  if (bytes.length === 0) refuse("EMPTY_FILE", "The file is empty. Upload the .glb file again.");
  if (bytes.length > limits.maxBytes) {
    refuse("FILE_TOO_LARGE", `The file is ${formatSize(bytes.length)}; the limit is ${formatSize(limits.maxBytes)}. Reduce texture sizes or polygon count and export again.`);
  }
  if (bytes.length < 4 && startsWith(bytes, "glTF".slice(0, bytes.length))) {
    refuse("TRUNCATED", `The file is cut short: only ${formatCount(bytes.length)} bytes arrived. Upload it again.`);
  }
  if (!startsWith(bytes, "glTF")) refuse("NOT_GLB", describeForeignFile(bytes));
  if (bytes.length < HEADER_BYTES) {
    refuse("TRUNCATED", `The file is cut short: only ${formatCount(bytes.length)} bytes arrived, fewer than a GLB header. Upload it again.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 2) {
    refuse(
      "UNSUPPORTED_GLB_VERSION",
      version === 1
        ? `This is an old glTF 1.0 binary file; only glTF 2.0 is supported. ${REEXPORT}`
        : `This GLB file says it is version ${formatCount(version)}; only version 2 is supported. ${REEXPORT}`,
    );
  }
  const declared = view.getUint32(8, true);
  if (declared > bytes.length) {
    refuse("TRUNCATED", `The file is cut short: its header says ${formatCount(declared)} bytes but only ${formatCount(bytes.length)} arrived. Upload it again.`);
  }
  if (declared < bytes.length) {
    refuse(
      "LENGTH_MISMATCH",
      `The file's header says ${formatCount(declared)} bytes but the file has ${formatCount(bytes.length)}; it was damaged or joined with something else. ${REEXPORT}`,
    );
  }
  const chunks = readChunks(bytes, view, limits);
  const json = parseJson(bytes, chunks);
  const generator = checkAsset(json);
  for (const key of COUNTED_LISTS) {
    const length = listOf(json, key).length;
    if (length > limits.maxItems) {
      refuse("TOO_COMPLEX", `The model has ${formatCount(length)} ${key}; the limit is ${formatCount(limits.maxItems)}. Simplify the model in your 3D tool.`);
    }
  }
  const extensionsUsed = stringList(json.extensionsUsed);
  const buffers = checkBuffers(listOf(json, "buffers"), chunks.binLength, chunks.hasBin, extensionsUsed);
  const views = checkBufferViews(listOf(json, "bufferViews"), buffers.lengths);
  const accessorCounts = checkAccessors(listOf(json, "accessors"), views, limits, buffers.fallbackBytes);
  const images = listOf(json, "images");
  checkImages(images, views, extensionsUsed);
  const meshes = listOf(json, "meshes");
  const { primitiveCount, vertexCount } = checkMeshes(meshes, accessorCounts, limits);
  return {
    byteLength: bytes.length,
    jsonLength: chunks.jsonLength,
    binLength: chunks.binLength,
    bufferCount: buffers.lengths.length,
    bufferViewCount: views.length,
    accessorCount: accessorCounts.length,
    meshCount: meshes.length,
    primitiveCount,
    nodeCount: listOf(json, "nodes").length,
    materialCount: listOf(json, "materials").length,
    textureCount: listOf(json, "textures").length,
    imageCount: images.length,
    vertexCount,
    generator,
    extensionsUsed,
  };
}

/** Never throws: every problem with the bytes comes back as a code and a message the uploader can act on. */
export function validateGlb(bytes: Uint8Array, limits: Partial<GlbLimits> = {}): GlbValidation {
  try {
    return { ok: true, info: check(bytes, { ...DEFAULT_GLB_LIMITS, ...limits }) };
  } catch (error) {
    if (error instanceof GlbRefusal) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
