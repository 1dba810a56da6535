import { describe, expect, it } from "vitest";
import { GLB_ERROR_CODES, validateGlb, type GlbErrorCode, type GlbValidation } from "~/server/services/models/validate-glb";
import {
  assembleGlb,
  binChunk,
  buildGlb,
  buildModel,
  CHUNK_JSON,
  glbChunk,
  jsonChunk,
  texturedQuadModel,
  triangleModel,
  twoPrimitiveModel,
  withUint32,
  type Model,
} from "../helpers/glb-builder";

const encoder = new TextEncoder();

function expectRefused(result: GlbValidation, code: GlbErrorCode, ...fragments: string[]) {
  expect(result.ok ? "accepted" : result.code, result.ok ? "" : result.message).toBe(code);
  if (result.ok) return;
  for (const fragment of fragments) expect(result.message).toContain(fragment);
  // Messages are shown to restaurant owners as they are: whole sentences, no leaked internals.
  expect(result.message).toMatch(/^[A-Z].*\.$/s);
  expect(result.message).not.toMatch(/undefined|NaN|\[object|Infinity/);
}

function expectAccepted(result: GlbValidation) {
  expect(result.ok ? "accepted" : `${result.code}: ${result.message}`).toBe("accepted");
  if (!result.ok) throw new Error("unreachable");
  return result.info;
}

/** The triangle with an edit applied to its JSON; the binary data is kept. */
function triangleWith(edit: (json: Model["json"]) => void): Uint8Array {
  const model = triangleModel();
  edit(model.json);
  return buildModel(model);
}

const triangle = () => buildModel(triangleModel());
const text = (value: string) => encoder.encode(value);

describe("validateGlb accepts valid models", () => {
  it("reports the structure of a minimal triangle", () => {
    const bytes = triangle();
    const info = expectAccepted(validateGlb(bytes));
    expect(info).toMatchObject({
      byteLength: bytes.length,
      binLength: 44, // 36 bytes of positions + 6 of indices, padded to a multiple of 4
      bufferCount: 1,
      bufferViewCount: 2,
      accessorCount: 2,
      meshCount: 1,
      primitiveCount: 1,
      nodeCount: 1,
      imageCount: 0,
      vertexCount: 3,
      generator: "Foodar tests",
      extensionsUsed: [],
    });
    expect(info.jsonLength % 4).toBe(0);
    expect(12 + 8 + info.jsonLength + 8 + info.binLength).toBe(bytes.length);
  });

  it("counts every part of a mesh with two primitives", () => {
    const info = expectAccepted(validateGlb(buildModel(twoPrimitiveModel())));
    expect(info).toMatchObject({ meshCount: 1, primitiveCount: 2, accessorCount: 3, bufferViewCount: 3, materialCount: 2, vertexCount: 7 });
  });

  it("accepts a textured quad with an embedded PNG", () => {
    const info = expectAccepted(validateGlb(buildModel(texturedQuadModel())));
    expect(info).toMatchObject({ imageCount: 1, textureCount: 1, bufferViewCount: 4, vertexCount: 4 });
  });

  it("reads bytes that are a view into a larger buffer (as Node's Buffer often is)", () => {
    const bytes = triangle();
    const backing = new Uint8Array(bytes.length + 7);
    backing.set(bytes, 3);
    expectAccepted(validateGlb(backing.subarray(3, 3 + bytes.length)));
  });

  it("accepts a description-only file without binary data", () => {
    expectAccepted(validateGlb(buildGlb({ asset: { version: "2.0" }, scenes: [{ nodes: [] }] })));
  });

  it("skips an unknown chunk after the binary data, as the spec asks", () => {
    const { json, bin } = triangleModel();
    const bytes = assembleGlb([jsonChunk(json), binChunk(bin), glbChunk(0x12345678, new Uint8Array(8))]);
    expectAccepted(validateGlb(bytes));
  });

  it("accepts a later minor version that declares it can be read as 2.0", () => {
    expectAccepted(validateGlb(triangleWith((json) => (json.asset = { version: "2.1", minVersion: "2.0" }))));
  });

  it("accepts accessors without a buffer view (filled with zeros or compressed by an extension)", () => {
    const bytes = triangleWith((json) => json.accessors.push({ componentType: 5126, count: 3, type: "VEC3" }));
    expect(expectAccepted(validateGlb(bytes)).accessorCount).toBe(3);
  });

  it("accepts a sparse accessor whose indices and values are in range", () => {
    const bytes = triangleWith((json) => {
      json.accessors.push({
        componentType: 5126,
        count: 3,
        type: "VEC3",
        sparse: { count: 1, indices: { bufferView: 1, componentType: 5123 }, values: { bufferView: 0, byteOffset: 12 } },
      });
    });
    expectAccepted(validateGlb(bytes));
  });

  it("accepts KTX2 textures only when the model declares KHR_texture_basisu", () => {
    const model = texturedQuadModel();
    model.json.images = [{ bufferView: 3, mimeType: "image/ktx2" }];
    expectRefused(validateGlb(buildModel(model)), "UNSUPPORTED_IMAGE_TYPE", "image/ktx2", "PNG, JPEG or WebP");
    model.json.extensionsUsed = ["KHR_texture_basisu"];
    expectAccepted(validateGlb(buildModel(model)));
  });

  it("accepts a meshopt-compressed model whose decoded buffer has no bytes in the file", () => {
    const bytes = triangleWith((json) => {
      json.extensionsUsed = ["EXT_meshopt_compression"];
      json.buffers.push({ byteLength: 36, extensions: { EXT_meshopt_compression: { fallback: true } } });
      json.bufferViews.push({
        buffer: 1,
        byteLength: 36,
        byteStride: 12,
        extensions: { EXT_meshopt_compression: { buffer: 0, byteOffset: 0, byteLength: 36, byteStride: 12, count: 3, mode: "ATTRIBUTES" } },
      });
    });
    expectAccepted(validateGlb(bytes));
  });
});

describe("validateGlb refuses files that are not GLB", () => {
  it.each([
    ["a ZIP (or .usdz)", text("PK\u0003\u0004\u0014\u0000\u0000\u0000"), ["'PK'", "ZIP"]],
    ["a PNG photo", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), ["PNG image"]],
    ["a JPEG photo", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]), ["JPEG image"]],
    ["an OBJ model", text("# Blender v3.6 OBJ File\nmtllib plate.mtl\no Plate\nv 0 0 0\n"), ["OBJ model", "glTF Binary (.glb)"]],
    ["a text .gltf", text('{\n  "asset": { "version": "2.0" }\n}\n'), [".gltf", "glTF Binary (.glb)"]],
    ["an FBX model", text("Kaydara FBX Binary  \u0000"), ["FBX"]],
    ["random bytes", Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), ["not a GLB 3D model", "glTF Binary (.glb)"]],
  ])("%s", (_label, bytes, fragments) => {
    expectRefused(validateGlb(bytes), "NOT_GLB", ...fragments);
  });

  it("an empty file", () => {
    expectRefused(validateGlb(new Uint8Array(0)), "EMPTY_FILE", "empty");
  });

  it("a file over the size limit, before reading any of it", () => {
    expectRefused(validateGlb(triangle(), { maxBytes: 100 }), "FILE_TOO_LARGE", "100 bytes");
    expectRefused(validateGlb(new Uint8Array(60 * 1024 * 1024)), "FILE_TOO_LARGE", "60 MB", "50 MB");
  });
});

describe("validateGlb refuses broken headers and chunks", () => {
  it("an 11-byte file (shorter than the header)", () => {
    expectRefused(validateGlb(triangle().slice(0, 11)), "TRUNCATED", "only 11 bytes");
    expectRefused(validateGlb(text("glT")), "TRUNCATED", "only 3 bytes");
  });

  it("a glTF 1.0 binary", () => {
    const { json, bin } = triangleModel();
    const bytes = assembleGlb([jsonChunk(json), binChunk(bin)], { version: 1 });
    expectRefused(validateGlb(bytes), "UNSUPPORTED_GLB_VERSION", "glTF 1.0", "2.0");
    expectRefused(validateGlb(withUint32(bytes, 4, 3)), "UNSUPPORTED_GLB_VERSION", "version 3");
  });

  it("a file cut short in transit", () => {
    const bytes = triangle();
    const cut = bytes.slice(0, bytes.length - 20);
    expectRefused(validateGlb(cut), "TRUNCATED", `header says ${bytes.length} bytes but only ${cut.length} arrived`, "Upload it again");
  });

  it("a header that claims more than the file holds, with thousands separators", () => {
    expectRefused(validateGlb(withUint32(triangle(), 8, 2_345_678)), "TRUNCATED", "header says 2,345,678 bytes");
  });

  it("a header that claims less than the file holds", () => {
    const bytes = triangle();
    expectRefused(validateGlb(withUint32(bytes, 8, bytes.length - 8)), "LENGTH_MISMATCH", `says ${bytes.length - 8} bytes`);
  });

  it("extra bytes glued after the end the header declares", () => {
    const bytes = triangle();
    const glued = new Uint8Array(bytes.length + 4);
    glued.set(bytes);
    expectRefused(validateGlb(glued), "LENGTH_MISMATCH");
  });

  it("stray bytes after the last chunk, even when the header counts them", () => {
    const bytes = triangle();
    const glued = new Uint8Array(bytes.length + 4);
    glued.set(bytes);
    expectRefused(validateGlb(withUint32(glued, 8, glued.length)), "TRAILING_DATA", "4 stray bytes");
  });

  it("a header with no chunk after it", () => {
    expectRefused(validateGlb(assembleGlb([])), "TRUNCATED", "right after its header");
  });

  it("a first chunk that is not the JSON description", () => {
    const { json, bin } = triangleModel();
    expectRefused(validateGlb(assembleGlb([binChunk(bin), jsonChunk(json)])), "MISSING_JSON_CHUNK", "JSON chunk");
  });

  it("a JSON chunk whose length runs past the end of the file", () => {
    expectRefused(validateGlb(withUint32(triangle(), 12, 100_000)), "CHUNK_OUT_OF_BOUNDS", "100,000 bytes");
    expectRefused(validateGlb(withUint32(triangle(), 12, 0xffffffff)), "CHUNK_OUT_OF_BOUNDS", "4,294,967,295");
  });

  it("a binary chunk whose length runs past the end of the file", () => {
    const bytes = triangle();
    const jsonLength = new DataView(bytes.buffer).getUint32(12, true);
    expectRefused(validateGlb(withUint32(bytes, 20 + jsonLength, 4096)), "CHUNK_OUT_OF_BOUNDS", "Section 2", "4,096 bytes");
  });

  it("a chunk whose length is not a multiple of 4", () => {
    const unpadded = text(JSON.stringify({ asset: { version: "2.0" } }));
    expect(unpadded.length % 4).not.toBe(0);
    expectRefused(validateGlb(assembleGlb([glbChunk(CHUNK_JSON, unpadded)])), "CHUNK_MISALIGNED", "multiple of 4");
  });

  it("a second JSON chunk, or binary data that is not the second chunk", () => {
    const { json, bin } = triangleModel();
    expectRefused(validateGlb(assembleGlb([jsonChunk(json), jsonChunk(json)])), "UNEXPECTED_CHUNK", "second description");
    const late = assembleGlb([jsonChunk(json), glbChunk(0x12345678, new Uint8Array(4)), binChunk(bin)]);
    expectRefused(validateGlb(late), "UNEXPECTED_CHUNK", "binary data");
  });

  it("a JSON description over its limit", () => {
    expectRefused(validateGlb(triangle(), { maxJsonBytes: 64 }), "JSON_TOO_LARGE", "64 bytes");
  });
});

describe("validateGlb refuses a broken description", () => {
  const withJsonBytes = (bytes: Uint8Array) => {
    const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4).fill(0x20);
    padded.set(bytes);
    return assembleGlb([glbChunk(CHUNK_JSON, padded)]);
  };

  it("JSON that is not UTF-8", () => {
    expectRefused(validateGlb(withJsonBytes(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]))), "JSON_NOT_UTF8", "UTF-8");
  });

  it("JSON that does not parse", () => {
    expectRefused(validateGlb(withJsonBytes(text('{"asset":  '))), "JSON_INVALID", "cannot be read");
  });

  it("JSON that is a list or a single value", () => {
    expectRefused(validateGlb(buildGlb([{ asset: { version: "2.0" } }])), "JSON_NOT_OBJECT", "a list");
    expectRefused(validateGlb(buildGlb(42)), "JSON_NOT_OBJECT", "a single value");
  });

  it.each([
    ["no asset", {}],
    ["no version", { asset: { generator: "x" } }],
    ["a numeric version", { asset: { version: 2 } }],
    ["a malformed version", { asset: { version: "two" } }],
  ])("%s", (_label, json) => {
    expectRefused(validateGlb(buildGlb(json)), "MISSING_ASSET_VERSION", "asset.version");
  });

  it("glTF 1.0 or 3.0 content, or a minVersion above 2.0", () => {
    expectRefused(validateGlb(buildGlb({ asset: { version: "1.0" } })), "UNSUPPORTED_GLTF_VERSION", '"1.0"', "glTF 2.0");
    expectRefused(validateGlb(buildGlb({ asset: { version: "3.0" } })), "UNSUPPORTED_GLTF_VERSION", '"3.0"');
    expectRefused(validateGlb(buildGlb({ asset: { version: "2.1", minVersion: "2.1" } })), "UNSUPPORTED_GLTF_VERSION", '"2.1" or later');
  });

  it("a top-level table that is not a list", () => {
    expectRefused(validateGlb(triangleWith((json) => (json.nodes = { 0: { mesh: 0 } }))), "INVALID_GLTF", '"nodes" should be a list');
  });
});

describe("validateGlb refuses data that is missing or outside the file", () => {
  it("a buffer that expects binary data the file does not have", () => {
    const { json } = triangleModel();
    expectRefused(validateGlb(buildGlb(json)), "MISSING_BIN_CHUNK", "incomplete");
  });

  it("a buffer bigger than the binary chunk", () => {
    expectRefused(
      validateGlb(triangleWith((json) => (json.buffers = [{ byteLength: 1_000_000 }]))),
      "BUFFER_EXCEEDS_BIN",
      "1,000,000 bytes",
      "only 44",
    );
  });

  it("a buffer or a texture kept in a separate file", () => {
    expectRefused(validateGlb(triangleWith((json) => (json.buffers = [{ byteLength: 44, uri: "scene.bin" }]))), "EXTERNAL_RESOURCE", '"scene.bin"', "self-contained");
    const model = texturedQuadModel();
    model.json.images = [{ uri: "textures/biryani.jpg" }];
    expectRefused(validateGlb(buildModel(model)), "EXTERNAL_RESOURCE", "Texture image 0", "biryani.jpg");
  });

  it("a buffer embedded as a data: URI", () => {
    const bytes = triangleWith((json) => (json.buffers = [{ byteLength: 3, uri: "data:application/octet-stream;base64,AAAA" }]));
    expectRefused(validateGlb(bytes), "DATA_URI", "data: URI");
  });

  it.each([
    ["a buffer with a negative length", { byteLength: -1 }],
    ["a buffer with a fractional length", { byteLength: 1.5 }],
    ["a buffer that is not an object", 7],
  ])("%s", (_label, buffer) => {
    expectRefused(validateGlb(triangleWith((json) => (json.buffers = [buffer as Record<string, unknown>]))), "INVALID_BUFFER");
  });

  it("a second buffer with no data of its own", () => {
    expectRefused(validateGlb(triangleWith((json) => json.buffers.push({ byteLength: 16 }))), "INVALID_BUFFER", "Binary buffer 1", "no data");
  });

  it("a meshopt fallback buffer when the extension is not declared", () => {
    const bytes = triangleWith((json) => json.buffers.push({ byteLength: 16, extensions: { EXT_meshopt_compression: { fallback: true } } }));
    expectRefused(validateGlb(bytes), "INVALID_BUFFER");
  });

  it("a buffer view that reads past the end of its buffer", () => {
    const bytes = triangleWith((json) => (json.bufferViews[1] = { buffer: 0, byteOffset: 40, byteLength: 6 }));
    expectRefused(validateGlb(bytes), "BUFFER_VIEW_OUT_OF_BOUNDS", "Data block 1", "bytes 40 to 46", "only 42");
  });

  it("compressed meshopt data that lies outside the file", () => {
    const bytes = triangleWith((json) => {
      json.bufferViews[0] = { ...json.bufferViews[0], extensions: { EXT_meshopt_compression: { buffer: 0, byteOffset: 40, byteLength: 100 } } };
    });
    expectRefused(validateGlb(bytes), "BUFFER_VIEW_OUT_OF_BOUNDS", "compressed data");
  });

  it.each([
    ["a missing buffer", { buffer: 3, byteLength: 4 }, "buffer 3"],
    ["no length", { buffer: 0 }, "no valid length"],
    ["a negative offset", { buffer: 0, byteOffset: -4, byteLength: 4 }, "not a valid number"],
    ["an odd stride", { buffer: 0, byteLength: 36, byteStride: 6 }, "stride of 6"],
    ["a stride too small", { buffer: 0, byteLength: 36, byteStride: 2 }, "between 4 and 252"],
    ["a stride too large", { buffer: 0, byteLength: 36, byteStride: 256 }, "stride of 256"],
  ])("a buffer view with %s", (_label, bufferView, fragment) => {
    expectRefused(validateGlb(triangleWith((json) => (json.bufferViews[0] = bufferView))), "INVALID_BUFFER_VIEW", fragment);
  });
});

describe("validateGlb refuses accessors that do not fit", () => {
  const withPositions = (changes: Record<string, unknown>) => triangleWith((json) => (json.accessors[0] = { ...json.accessors[0], ...changes }));

  it.each([
    ["an offset that pushes it past the end", { byteOffset: 4 }, "40 bytes"],
    ["one item too many", { count: 4 }, "declares 4 items"],
    ["a huge declared count in a tiny file", { count: 1_000_000_000 }, "1,000,000,000 items"],
    ["a count at the edge of safe integers", { count: Number.MAX_SAFE_INTEGER }, "9,007,199,254,740,991 items"],
  ])("%s", (_label, changes, fragment) => {
    expectRefused(validateGlb(withPositions(changes)), "ACCESSOR_OUT_OF_BOUNDS", "Data set 0", fragment, "only 36");
  });

  it("interleaved data whose stride overruns the view", () => {
    const bytes = triangleWith((json) => (json.bufferViews[0] = { ...json.bufferViews[0], byteStride: 16 }));
    expectRefused(validateGlb(bytes), "ACCESSOR_OUT_OF_BOUNDS", "44 bytes");
  });

  it.each([
    ["an unknown componentType", { componentType: 5124 }, "componentType 5124"],
    ["a componentType given as text", { componentType: "5126" }, 'componentType "5126"'],
    ["an unknown type", { type: "VEC5" }, '"VEC5"'],
    ["a type named like an Object method", { type: "constructor" }, '"constructor"'],
    ["no type", { type: undefined }, "unknown type (none)"],
    ["zero items", { count: 0 }, "item count (0)"],
    ["a fractional count", { count: 2.5 }, "item count (2.5)"],
    ["a missing buffer view", { bufferView: 9 }, "data block 9"],
    ["a negative offset", { byteOffset: -12 }, "not a valid number"],
  ])("an accessor with %s", (_label, changes, fragment) => {
    expectRefused(validateGlb(withPositions(changes)), "INVALID_ACCESSOR", fragment);
  });

  it("an accessor whose items are wider than the view's stride", () => {
    const bytes = triangleWith((json) => (json.bufferViews[0] = { ...json.bufferViews[0], byteStride: 8 }));
    expectRefused(validateGlb(bytes), "INVALID_ACCESSOR", "12-byte items", "only 8 bytes");
  });

  it("sparse data outside its view, or with a bad index type", () => {
    const sparse = (changes: Record<string, unknown>) =>
      triangleWith((json) =>
        json.accessors.push({
          componentType: 5126,
          count: 3,
          type: "VEC3",
          sparse: { count: 2, indices: { bufferView: 1, componentType: 5123 }, values: { bufferView: 0 }, ...changes },
        }),
      );
    expectRefused(validateGlb(sparse({ count: 4 })), "INVALID_ACCESSOR", "between 1 and 3");
    expectRefused(validateGlb(sparse({ indices: { bufferView: 1, componentType: 5126 } })), "INVALID_ACCESSOR", "sparse index format");
    expectRefused(validateGlb(sparse({ values: { bufferView: 0, byteOffset: 20 } })), "ACCESSOR_OUT_OF_BOUNDS", "sparse data");
    expectRefused(validateGlb(sparse({ indices: { bufferView: 5, componentType: 5123 } })), "INVALID_ACCESSOR", "data block 5");
  });

  it("a matrix of bytes counts its padded columns", () => {
    // MAT3 of 1-byte components takes 12 bytes per item, not 9: three items need 36 bytes, exactly the view.
    expectAccepted(validateGlb(withPositions({ type: "MAT3", componentType: 5121 })));
    expectRefused(validateGlb(withPositions({ type: "MAT3", componentType: 5123 })), "ACCESSOR_OUT_OF_BOUNDS", "72 bytes");
  });
});

describe("validateGlb refuses bad images and meshes", () => {
  const withImage = (image: Record<string, unknown>) => {
    const model = texturedQuadModel();
    model.json.images = [image];
    return buildModel(model);
  };

  it.each([
    ["a GIF", { bufferView: 3, mimeType: "image/gif" }, '"image/gif"'],
    ["no declared type", { bufferView: 3 }, "no declared type"],
  ])("a texture that is %s", (_label, image, fragment) => {
    expectRefused(validateGlb(withImage(image)), "UNSUPPORTED_IMAGE_TYPE", fragment, "PNG, JPEG or WebP");
  });

  it("a texture with no data or pointing at a missing block", () => {
    expectRefused(validateGlb(withImage({ mimeType: "image/png" })), "INVALID_IMAGE", "no picture data");
    expectRefused(validateGlb(withImage({ bufferView: 12, mimeType: "image/png" })), "INVALID_IMAGE", "data block 12");
  });

  it("a mesh part that uses a missing accessor", () => {
    const bytes = triangleWith((json) => (json.meshes[0] = { name: "Plate", primitives: [{ attributes: { POSITION: 7 }, indices: 1 }] }));
    expectRefused(validateGlb(bytes), "INVALID_MESH", 'Mesh 0 ("Plate"), part 0, POSITION', "data set 7");
  });

  it("mesh parts with missing indices, morph targets or an unknown mode", () => {
    const primitive = (changes: Record<string, unknown>) =>
      triangleWith((json) => (json.meshes[0] = { primitives: [{ attributes: { POSITION: 0 }, ...changes }] }));
    expectRefused(validateGlb(primitive({ indices: 2 })), "INVALID_MESH", "indices uses data set 2");
    expectRefused(validateGlb(primitive({ targets: [{ POSITION: 5 }] })), "INVALID_MESH", "morph target 0 POSITION");
    expectRefused(validateGlb(primitive({ mode: 9 })), "INVALID_MESH", "drawing mode (9)");
    expectRefused(validateGlb(primitive({ attributes: [0] })), "INVALID_MESH", "malformed");
  });

  it("a mesh with no parts", () => {
    expectRefused(validateGlb(triangleWith((json) => (json.meshes[0] = { primitives: [] }))), "INVALID_MESH", "no parts");
  });
});

describe("validateGlb refuses models that declare too much", () => {
  it("more entries in a table than the limit, without looking at each", () => {
    const bytes = triangleWith((json) => (json.nodes = Array.from({ length: 100_001 }, () => ({}))));
    expectRefused(validateGlb(bytes), "TOO_COMPLEX", "100,001 nodes", "100,000");
  });

  it("more vertices than phones can show", () => {
    expectRefused(validateGlb(buildModel(twoPrimitiveModel()), { maxVertices: 5 }), "TOO_COMPLEX", "more than 5 vertices");
  });

  it("more mesh parts than the limit", () => {
    const bytes = triangleWith((json) => (json.meshes = [{ primitives: [{ attributes: { POSITION: 0 } }, { attributes: { POSITION: 0 } }] }, { primitives: [{ attributes: { POSITION: 0 } }] }]));
    expectRefused(validateGlb(bytes, { maxItems: 2 }), "TOO_COMPLEX", "more than 2 mesh parts");
  });

  it("a tiny file whose data-less accessor would unpack to gigabytes", () => {
    const bytes = triangleWith((json) => json.accessors.push({ componentType: 5126, count: 2 ** 40, type: "MAT4" }));
    expect(bytes.length).toBeLessThan(1024);
    expectRefused(validateGlb(bytes), "TOO_COMPLEX", "512 MB", "1,099,511,627,776 items");
  });

  it("many accessors sharing one view, each small but together too much to unpack", () => {
    const bytes = triangleWith((json) => {
      json.accessors = Array.from({ length: 1000 }, () => ({ bufferView: 0, componentType: 5126, count: 3, type: "VEC3" }));
      json.meshes = [];
    });
    expectRefused(validateGlb(bytes, { maxDecodedBytes: 10_000 }), "TOO_COMPLEX", "memory");
  });
});

// fast-check is only a transitive dependency here, so a seeded loop keeps the fuzzing reproducible without it.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KNOWN_CODES = new Set<string>(GLB_ERROR_CODES);

function expectWellFormed(result: GlbValidation, context: string) {
  if (result.ok) return;
  expect(KNOWN_CODES.has(result.code), context).toBe(true);
  expect(result.message.length, context).toBeGreaterThan(10);
}

describe("validateGlb on random damage", () => {
  const valid = [triangle(), buildModel(twoPrimitiveModel()), buildModel(texturedQuadModel())];

  it("never throws and always answers ok or a known code when bytes are damaged", () => {
    const random = seededRandom(20_240_601);
    const pick = (limit: number) => Math.floor(random() * limit);
    for (let iteration = 0; iteration < 2000; iteration += 1) {
      const source = valid[iteration % valid.length] ?? triangle();
      let bytes = source.slice();
      const view = new DataView(bytes.buffer);
      switch (iteration % 5) {
        case 0:
          for (let flips = 1 + pick(4); flips > 0; flips -= 1) bytes[pick(bytes.length)] = pick(256);
          break;
        case 1:
          view.setUint32(pick(bytes.length - 3), pick(2) ? pick(2 ** 32) : pick(bytes.length * 2), true);
          break;
        case 2:
          bytes = bytes.slice(0, pick(bytes.length));
          break;
        case 3: {
          const grown = new Uint8Array(bytes.length + pick(16));
          grown.set(bytes);
          bytes = grown;
          break;
        }
        default:
          bytes = bytes.slice(pick(bytes.length));
      }
      expectWellFormed(validateGlb(bytes), `iteration ${iteration}`);
    }
  });

  it("never throws when the description holds values of the wrong kind", () => {
    const random = seededRandom(7);
    const pick = (limit: number) => Math.floor(random() * limit);
    const oddValues: unknown[] = [-1, 0, 1.5, 2 ** 53, 1e308, "", "constructor", "__proto__", null, true, [], {}, [1, 2], { length: 3 }];
    const models = [triangleModel, twoPrimitiveModel, texturedQuadModel];
    for (let iteration = 0; iteration < 2000; iteration += 1) {
      const model = (models[iteration % models.length] ?? triangleModel)();
      // Walk to a random object or array in the description and replace one of its values.
      let node: unknown = model.json;
      for (let depth = pick(5); depth >= 0; depth -= 1) {
        const children = node && typeof node === "object" ? Object.values(node).filter((value) => value && typeof value === "object") : [];
        if (children.length === 0 || depth === 0) break;
        node = children[pick(children.length)];
      }
      if (node && typeof node === "object") {
        const target = node as Record<string, unknown>;
        const keys = Object.keys(target);
        const key = keys.length > 0 && pick(4) > 0 ? keys[pick(keys.length)] : ["bufferView", "byteStride", "sparse", "uri", "extensions"][pick(5)];
        if (key !== undefined) target[key] = oddValues[pick(oddValues.length)];
      }
      expectWellFormed(validateGlb(buildModel(model)), `iteration ${iteration}: ${JSON.stringify(model.json).slice(0, 400)}`);
    }
  });
});
