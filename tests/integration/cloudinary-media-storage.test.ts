import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MediaStorage } from "~/server/integrations/media/media-storage";

// A stand-in for Cloudinary's upload API that checks what Cloudinary checks: the cloud name and resource type in
// the path, the api_key, and the signature, recomputed from the received parameters with the account's secret.
const CLOUD = "foodar-test";
const API_KEY = "123456789012345";
const API_SECRET = "cloudinary-secret-for-tests";
const RESTAURANT = randomUUID();

type Recorded = { path: string; params: Record<string, string>; file: Uint8Array | null };
const requests: Recorded[] = [];
const stored = new Map<string, "image" | "video">();

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

// Cloudinary's rule: every parameter but these, sorted, `k=v` joined with `&`, the secret appended, SHA-1 hex.
const UNSIGNED = new Set(["file", "api_key", "signature", "resource_type", "cloud_name"]);
function expectedSignature(params: Record<string, string>) {
  const toSign = Object.keys(params)
    .filter((key) => !UNSIGNED.has(key) && params[key] !== "")
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
  return { toSign, signature: createHash("sha1").update(toSign + API_SECRET).digest("hex") };
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  // The body is parsed as multipart/form-data by its own boundary, as Cloudinary does.
  const form = await new Request("http://cloudinary.test", {
    method: "POST",
    headers: { "content-type": request.headers["content-type"] ?? "" },
    body: Buffer.concat(chunks),
  }).formData();
  const params: Record<string, string> = {};
  let file: Uint8Array | null = null;
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") params[name] = value;
    else file = new Uint8Array(await value.arrayBuffer());
  }
  const url = request.url ?? "/";
  requests.push({ path: url, params, file });

  const match = /^\/v1_1\/([^/]+)\/(image|video)\/(upload|destroy)$/.exec(url);
  if (request.method !== "POST" || !match) return send(response, 404, { error: { message: "Resource not found" } });
  const [, cloud, resourceType, action] = match as unknown as [string, string, "image" | "video", string];
  if (cloud !== CLOUD) return send(response, 401, { error: { message: "cloud_name mismatch" } });
  if (params.api_key !== API_KEY) return send(response, 401, { error: { message: `Unknown API key ${params.api_key ?? ""}` } });
  if (!params.timestamp) return send(response, 400, { error: { message: "Missing required parameter - timestamp" } });
  const { toSign, signature } = expectedSignature(params);
  if (params.signature !== signature) {
    return send(response, 401, { error: { message: `Invalid Signature ${params.signature ?? ""}. String to sign - '${toSign}'.` } });
  }

  if (action === "destroy") {
    const known = stored.get(params.public_id ?? "") === resourceType;
    if (known) stored.delete(params.public_id ?? "");
    return send(response, 200, { result: known ? "ok" : "not found" });
  }
  if (!file) return send(response, 400, { error: { message: "Missing required parameter - file" } });
  const publicId = `${params.folder}/${randomUUID().slice(0, 8)}`;
  stored.set(publicId, resourceType);
  if (resourceType === "video") {
    return send(response, 200, { public_id: publicId, version: 1700000001, resource_type: "video", format: "mp4", width: 640, height: 360, duration: 4.25, bytes: file.length });
  }
  let metadata;
  try {
    metadata = await sharp(file).metadata();
  } catch {
    return send(response, 400, { error: { message: "Invalid image file" } });
  }
  // What c_limit,w_1200,h_1200 does to the stored original.
  const scale = Math.min(1, 1200 / (metadata.width ?? 1), 1200 / (metadata.height ?? 1));
  return send(response, 200, {
    public_id: publicId,
    version: 1700000000,
    resource_type: "image",
    format: metadata.format,
    width: Math.round((metadata.width ?? 0) * scale),
    height: Math.round((metadata.height ?? 0) * scale),
    bytes: 123_456,
  });
}

let server: Server;
let dir: string;
let storage: MediaStorage;
let cloudinaryConfig: (key: string, value: string) => unknown;

beforeAll(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // The SDK reads this, and picks http or https, when it is first loaded: set before the first import.
  process.env.CLOUDINARY_URL = `cloudinary://${API_KEY}:${API_SECRET}@${CLOUD}?upload_prefix=http://127.0.0.1:${port}`;
  const { createCloudinaryMediaStorage } = await import("~/server/integrations/media/cloudinary-media-storage");
  cloudinaryConfig = (await import("cloudinary")).v2.config as unknown as typeof cloudinaryConfig;
  storage = createCloudinaryMediaStorage();
  dir = await mkdtemp(path.join(tmpdir(), "foodar-cloudinary-"));
});

afterAll(async () => {
  delete process.env.CLOUDINARY_URL;
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  requests.length = 0;
});

async function jpeg(width: number, height: number) {
  const file = path.join(dir, `${randomUUID()}.jpg`);
  await sharp({ create: { width, height, channels: 3, background: "green" } }).jpeg().toFile(file);
  return file;
}

describe("Cloudinary media storage", () => {
  it("uploads a photo, signed, into the restaurant's folder with the 1200 px limit", async () => {
    const result = await storage.storeImage(RESTAURANT, await jpeg(3000, 2000));

    expect(requests).toHaveLength(1);
    const [upload] = requests;
    expect(upload?.path).toBe(`/v1_1/${CLOUD}/image/upload`);
    expect(upload?.params).toMatchObject({ folder: `foodar/${RESTAURANT}`, transformation: "c_limit,h_1200,w_1200", api_key: API_KEY });
    expect(upload?.file?.length).toBeGreaterThan(0);
    expect(result.providerKey).toMatch(new RegExp(`^foodar/${RESTAURANT}/`));
    expect(result).toMatchObject({ width: 1200, height: 800, bytes: 123_456 });
    expect(result.url).toBe(`https://res.cloudinary.com/${CLOUD}/image/upload/f_auto,q_auto/v1700000000/${result.providerKey}`);
    expect(result.thumbnailUrl).toMatch(new RegExp(`/image/upload/c_fill,f_auto,g_auto,h_300,q_auto,w_300/v1700000000/${result.providerKey}$`));
  });

  it("uploads a video as a video resource with its duration and a poster thumbnail", async () => {
    const clip = path.join(dir, "clip.mp4");
    await writeFile(clip, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(500)]));
    const result = await storage.storeVideo(RESTAURANT, clip, "mp4");
    expect(requests[0]?.path).toBe(`/v1_1/${CLOUD}/video/upload`);
    expect(requests[0]?.params.folder).toBe(`foodar/${RESTAURANT}`);
    expect(result).toMatchObject({ durationMs: 4250, width: 640, height: 360 });
    expect(result.url).toContain(`/video/upload/`);
    expect(result.thumbnailUrl).toMatch(/\/video\/upload\/c_fill,h_300,w_300\/v1700000001\/.+\.jpg$/);
  });

  it("destroys by public_id with the right resource type; an already missing file is not an error", async () => {
    const photo = await storage.storeImage(RESTAURANT, await jpeg(100, 100));
    await storage.remove(photo.providerKey, "IMAGE");
    expect(requests.at(-1)).toMatchObject({ path: `/v1_1/${CLOUD}/image/destroy`, params: { public_id: photo.providerKey } });
    expect(stored.has(photo.providerKey)).toBe(false);
    await expect(storage.remove(photo.providerKey, "IMAGE")).resolves.toBeUndefined();
  });

  it("reports Cloudinary's refusal of a wrong signature", async () => {
    cloudinaryConfig("api_secret", "not-the-secret");
    try {
      await expect(storage.storeImage(RESTAURANT, await jpeg(10, 10))).rejects.toThrow(/Cloudinary refused to store the image \(HTTP 401\): Invalid Signature/);
    } finally {
      cloudinaryConfig("api_secret", API_SECRET);
    }
  });

  it("calls a file Cloudinary cannot decode unreadable", async () => {
    const broken = path.join(dir, "broken.jpg");
    await writeFile(broken, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await expect(storage.storeImage(RESTAURANT, broken)).rejects.toMatchObject({ name: "UnreadableMediaError" });
  });
});
