// Assembles GLB files byte by byte so tests can craft both valid models and precisely broken ones.

export const CHUNK_JSON = 0x4e4f534a;
export const CHUNK_BIN = 0x004e4942;

type Item = Record<string, unknown>;

export type GltfJson = {
  asset: Item;
  buffers: Item[];
  bufferViews: Item[];
  accessors: Item[];
  meshes: Array<{ primitives: Item[] } & Item>;
  images?: Item[];
  [key: string]: unknown;
};

export type Model = { json: GltfJson; bin: Uint8Array };

const encoder = new TextEncoder();

// The spec pads JSON with spaces (so it still parses) and binary data with zeros.
function padded(data: Uint8Array, fill: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 4) * 4).fill(fill);
  out.set(data);
  return out;
}

/** A chunk exactly as given: no padding, so tests can also build misaligned ones. */
export function glbChunk(type: number, data: Uint8Array, declaredLength = data.length): Uint8Array {
  const out = new Uint8Array(8 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, declaredLength, true);
  view.setUint32(4, type, true);
  out.set(data, 8);
  return out;
}

export function jsonChunk(json: unknown): Uint8Array {
  return glbChunk(CHUNK_JSON, padded(encoder.encode(JSON.stringify(json)), 0x20));
}

export function binChunk(bin: Uint8Array): Uint8Array {
  return glbChunk(CHUNK_BIN, padded(bin, 0));
}

export function assembleGlb(chunks: Uint8Array[], header: { magic?: string; version?: number; length?: number } = {}): Uint8Array {
  const bodyLength = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(12 + bodyLength);
  const view = new DataView(out.buffer);
  out.set(encoder.encode(header.magic ?? "glTF"), 0);
  view.setUint32(4, header.version ?? 2, true);
  view.setUint32(8, header.length ?? out.length, true);
  let offset = 12;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function buildGlb(json: unknown, bin?: Uint8Array): Uint8Array {
  return assembleGlb(bin ? [jsonChunk(json), binChunk(bin)] : [jsonChunk(json)]);
}

export function buildModel({ json, bin }: Model): Uint8Array {
  return buildGlb(json, bin);
}

/** A copy of `bytes` with one little-endian uint32 overwritten. */
export function withUint32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(offset, value, true);
  return out;
}

/** Lays the parts out one after another, each starting on a 4-byte boundary as accessors need. */
function packBin(parts: Uint8Array[]): { bin: Uint8Array; views: Item[] } {
  const views: Item[] = [];
  let length = 0;
  for (const part of parts) {
    length = Math.ceil(length / 4) * 4;
    views.push({ buffer: 0, byteOffset: length, byteLength: part.length });
    length += part.length;
  }
  const bin = new Uint8Array(length);
  parts.forEach((part, index) => bin.set(part, Number(views[index]?.byteOffset)));
  return { bin, views };
}

const bytesOf = (array: Float32Array | Uint16Array) => new Uint8Array(array.buffer);

const asset = { version: "2.0", generator: "Foodar tests" };

/** One triangle: 3 float positions and 3 uint16 indices. */
export function triangleModel(): Model {
  const { bin, views } = packBin([
    bytesOf(new Float32Array([0, 0, 0, 0.1, 0, 0, 0, 0.1, 0])),
    bytesOf(new Uint16Array([0, 1, 2])),
  ]);
  return {
    json: {
      asset: { ...asset },
      scene: 0,
      scenes: [{ nodes: [0] }],
      nodes: [{ mesh: 0 }],
      buffers: [{ byteLength: bin.length }],
      bufferViews: [
        { ...views[0], target: 34962 },
        { ...views[1], target: 34963 },
      ],
      accessors: [
        { bufferView: 0, componentType: 5126, count: 3, type: "VEC3", min: [0, 0, 0], max: [0.1, 0.1, 0] },
        { bufferView: 1, componentType: 5123, count: 3, type: "SCALAR" },
      ],
      meshes: [{ name: "Plate", primitives: [{ attributes: { POSITION: 0 }, indices: 1 }] }],
    },
    bin,
  };
}

/** Two parts of one mesh (a plate and a garnish), each its own triangle with its own material. */
export function twoPrimitiveModel(): Model {
  const { bin, views } = packBin([
    bytesOf(new Float32Array([0, 0, 0, 0.1, 0, 0, 0, 0.1, 0])),
    bytesOf(new Float32Array([0, 0, 0.01, 0.02, 0, 0.01, 0, 0.02, 0.01, 0.02, 0.02, 0.01])),
    bytesOf(new Uint16Array([0, 1, 2, 1, 3, 2])),
  ]);
  return {
    json: {
      asset: { ...asset },
      scenes: [{ nodes: [0] }],
      nodes: [{ mesh: 0 }],
      materials: [{ name: "ceramic" }, { name: "herb" }],
      buffers: [{ byteLength: bin.length }],
      bufferViews: views,
      accessors: [
        { bufferView: 0, componentType: 5126, count: 3, type: "VEC3" },
        { bufferView: 1, componentType: 5126, count: 4, type: "VEC3" },
        { bufferView: 2, componentType: 5123, count: 6, type: "SCALAR" },
      ],
      meshes: [
        {
          name: "Dish",
          primitives: [
            { attributes: { POSITION: 0 }, material: 0 },
            { attributes: { POSITION: 1 }, indices: 2, material: 1 },
          ],
        },
      ],
    },
    bin,
  };
}

// A 1x1 PNG; the validator never decodes pictures, but a real one keeps the fixture honest.
const TINY_PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (char) => char.charCodeAt(0),
);

/** A square with texture coordinates and an embedded PNG texture. */
export function texturedQuadModel(): Model {
  const { bin, views } = packBin([
    bytesOf(new Float32Array([0, 0, 0, 0.2, 0, 0, 0.2, 0.2, 0, 0, 0.2, 0])),
    bytesOf(new Float32Array([0, 1, 1, 1, 1, 0, 0, 0])),
    bytesOf(new Uint16Array([0, 1, 2, 0, 2, 3])),
    TINY_PNG,
  ]);
  return {
    json: {
      asset: { ...asset },
      scenes: [{ nodes: [0] }],
      nodes: [{ mesh: 0 }],
      buffers: [{ byteLength: bin.length }],
      bufferViews: views,
      accessors: [
        { bufferView: 0, componentType: 5126, count: 4, type: "VEC3" },
        { bufferView: 1, componentType: 5126, count: 4, type: "VEC2" },
        { bufferView: 2, componentType: 5123, count: 6, type: "SCALAR" },
      ],
      images: [{ bufferView: 3, mimeType: "image/png" }],
      samplers: [{}],
      textures: [{ source: 0, sampler: 0 }],
      materials: [{ pbrMetallicRoughness: { baseColorTexture: { index: 0 } } }],
      meshes: [{ primitives: [{ attributes: { POSITION: 0, TEXCOORD_0: 1 }, indices: 2, material: 0 }] }],
    },
    bin,
  };
}
