import { Document, NodeIO } from "@gltf-transform/core";
import sharp from "sharp";

// Builds heavy, realistic-looking models in code for the optimiser's tests and its benchmark: a bumpy sphere
// stored the way careless exporters store meshes (every triangle with its own three vertices, no index), plus a
// large noisy PNG, so each optimisation step has real work to do.

export type TexturedModelOptions = {
  /** Triangles around the equator; the sphere has segments × rings × 2 triangles and three vertices each. */
  segments: number;
  rings: number;
  textureSize: number;
  /** Largest dimension in metres. */
  diameter?: number;
  /** Adds a material and an accessor that nothing uses, for prune() to find. */
  withUnused?: boolean;
};

// Deterministic so benchmark runs compare like with like.
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function noisyPng(size: number, seed = 1): Promise<Uint8Array> {
  const random = mulberry32(seed);
  const pixels = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      // Grain in brightness only, a few levels deep, like a photographed texture: enough that neither PNG nor WebP
      // can shrink it to nothing, without making a 4096 px PNG larger than the upload limit.
      const noise = Math.floor(random() * 5) * 2 - 4;
      const checker = ((x >> 7) + (y >> 7)) % 2 === 0 ? 40 : 0;
      pixels[i] = Math.max(0, Math.min(255, 150 + checker + noise + ((x * 60) / size)));
      pixels[i + 1] = Math.max(0, Math.min(255, 90 + checker + noise));
      pixels[i + 2] = Math.max(0, Math.min(255, 40 + noise + ((y * 60) / size)));
    }
  }
  const png = await sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png);
}

function bumpySphere(segments: number, rings: number, radius: number) {
  const point = (ring: number, segment: number) => {
    const theta = (ring / rings) * Math.PI;
    const phi = (segment / segments) * Math.PI * 2;
    const nx = Math.sin(theta) * Math.cos(phi);
    const ny = Math.cos(theta);
    const nz = Math.sin(theta) * Math.sin(phi);
    const r = radius * (1 + 0.03 * Math.sin(theta * 12) * Math.sin(phi * 9));
    return { position: [nx * r, ny * r, nz * r], normal: [nx, ny, nz], uv: [segment / segments, ring / rings] };
  };
  const triangleCount = segments * rings * 2;
  const positions = new Float32Array(triangleCount * 9);
  const normals = new Float32Array(triangleCount * 9);
  const uvs = new Float32Array(triangleCount * 6);
  let vertex = 0;
  const push = (corner: ReturnType<typeof point>) => {
    positions.set(corner.position, vertex * 3);
    normals.set(corner.normal, vertex * 3);
    uvs.set(corner.uv, vertex * 2);
    vertex++;
  };
  for (let ring = 0; ring < rings; ring++) {
    for (let segment = 0; segment < segments; segment++) {
      const a = point(ring, segment);
      const b = point(ring + 1, segment);
      const c = point(ring + 1, segment + 1);
      const d = point(ring, segment + 1);
      [a, b, c, a, c, d].forEach(push);
    }
  }
  return { positions, normals, uvs };
}

export async function buildTexturedModel(options: TexturedModelOptions): Promise<Uint8Array> {
  const document = new Document();
  const buffer = document.createBuffer();
  const { positions, normals, uvs } = bumpySphere(options.segments, options.rings, (options.diameter ?? 0.2) / 2);
  const texture = document
    .createTexture("base-color")
    .setImage(await noisyPng(options.textureSize))
    .setMimeType("image/png");
  const material = document.createMaterial("dish").setBaseColorTexture(texture);
  const primitive = document
    .createPrimitive()
    .setMaterial(material)
    .setAttribute("POSITION", document.createAccessor().setType("VEC3").setArray(positions).setBuffer(buffer))
    .setAttribute("NORMAL", document.createAccessor().setType("VEC3").setArray(normals).setBuffer(buffer))
    .setAttribute("TEXCOORD_0", document.createAccessor().setType("VEC2").setArray(uvs).setBuffer(buffer));
  const mesh = document.createMesh("dish").addPrimitive(primitive);
  document.createScene("scene").addChild(document.createNode("dish").setMesh(mesh));
  if (options.withUnused) {
    document.createMaterial("unused");
    document.createAccessor("unused").setType("VEC3").setArray(new Float32Array(300)).setBuffer(buffer);
  }
  return new NodeIO().writeBinary(document);
}

/** One triangle with the given largest side in metres: the smallest model the optimiser must leave intact. */
export async function buildTriangle(sideMetres = 0.1): Promise<Uint8Array> {
  const document = new Document();
  const buffer = document.createBuffer();
  const positions = new Float32Array([0, 0, 0, sideMetres, 0, 0, 0, sideMetres / 2, 0]);
  const primitive = document
    .createPrimitive()
    .setAttribute("POSITION", document.createAccessor().setType("VEC3").setArray(positions).setBuffer(buffer));
  const mesh = document.createMesh("triangle").addPrimitive(primitive);
  document.createScene("scene").addChild(document.createNode("triangle").setMesh(mesh));
  return new NodeIO().writeBinary(document);
}
