import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ModelStorageError, type ModelStorage } from "~/server/integrations/model-storage/model-storage";
import { createSupabaseModelStorage } from "~/server/integrations/model-storage/supabase-model-storage";

// A stand-in for Supabase Storage that checks what the real service checks: the gateway's apikey, the service
// role JWT, the bucket, the object paths and the upsert header; it answers errors in Supabase's own shapes.
const SERVICE_KEY = "service-role-key-for-tests";
// The gateway lets the anon key through too; only the service role gets past row-level security.
const ANON_KEY = "anon-key-for-tests";
const BUCKET = "models";
const RESTAURANT = "rest_supabase";

type Recorded = { method: string; path: string; headers: IncomingMessage["headers"]; body: Buffer };
const requests: Recorded[] = [];
const objects = new Map<string, { bytes: Buffer; contentType: string }>();
const tokens = new Map<string, { object: string; expiresAt: number }>();
// Requests that arrive while this is set get no answer at all, as from a hung Supabase.
let hanging = false;

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

// Supabase Storage answers most failures with HTTP 400 and the real status in the body's statusCode.
const storageError = (response: ServerResponse, statusCode: string, error: string, message: string) =>
  send(response, 400, { statusCode, error, message });

async function handle(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const url = new URL(request.url ?? "/", "http://storage.test");
  const method = request.method ?? "GET";
  requests.push({ method, path: url.pathname, headers: request.headers, body });
  if (hanging) return;

  const signed = /^\/storage\/v1\/object\/sign\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (method === "GET" && signed) {
    const grant = tokens.get(url.searchParams.get("token") ?? "");
    const object = objects.get(`${signed[1]}/${decodeURIComponent(signed[2] ?? "")}`);
    if (!grant || grant.object !== `${signed[1]}/${decodeURIComponent(signed[2] ?? "")}` || grant.expiresAt < Date.now()) {
      return storageError(response, "400", "InvalidJWT", "invalid signature");
    }
    if (!object) return storageError(response, "404", "not_found", "Object not found");
    return response.writeHead(200, { "content-type": object.contentType }).end(object.bytes);
  }

  if (!request.headers.apikey) return send(response, 401, { message: "No API key found in request" });
  const apikey = String(request.headers.apikey);
  if (apikey !== SERVICE_KEY && apikey !== ANON_KEY) return send(response, 401, { message: "Invalid API key" });
  if (request.headers.authorization !== `Bearer ${apikey}`) return storageError(response, "403", "Unauthorized", "invalid signature");
  if (apikey !== SERVICE_KEY) return storageError(response, "403", "Unauthorized", "new row violates row-level security policy");

  const remove = /^\/storage\/v1\/object\/([^/]+)$/.exec(url.pathname);
  const object = /^\/storage\/v1\/object\/([^/]+)\/(.+)$/.exec(url.pathname);
  const bucket = (signed ?? remove ?? object)?.[1];
  if (bucket !== BUCKET) return storageError(response, "404", "Bucket not found", "Bucket not found");

  if (method === "POST" && signed) {
    const name = `${BUCKET}/${decodeURIComponent(signed[2] ?? "")}`;
    const { expiresIn } = JSON.parse(body.toString("utf8")) as { expiresIn?: unknown };
    if (typeof expiresIn !== "number" || expiresIn < 1) return storageError(response, "400", "InvalidRequest", "expiresIn must be a positive number");
    if (!objects.has(name)) return storageError(response, "404", "not_found", "Object not found");
    const token = randomUUID();
    tokens.set(token, { object: name, expiresAt: Date.now() + expiresIn * 1000 });
    return send(response, 200, { signedURL: `/object/sign/${name}?token=${token}` });
  }

  if (method === "DELETE" && remove) {
    const { prefixes } = JSON.parse(body.toString("utf8")) as { prefixes?: unknown };
    if (!Array.isArray(prefixes) || prefixes.length === 0) return storageError(response, "400", "InvalidRequest", "prefixes must be a non-empty array");
    const deleted = prefixes.filter((prefix) => typeof prefix === "string" && objects.delete(`${BUCKET}/${prefix}`));
    return send(response, 200, deleted.map((name) => ({ name, bucket_id: BUCKET })));
  }

  if (object) {
    const name = `${BUCKET}/${decodeURIComponent(object[2] ?? "")}`;
    if (method === "HEAD") return response.writeHead(objects.has(name) ? 200 : 400).end();
    if (method === "GET") {
      const stored = objects.get(name);
      if (!stored) return storageError(response, "404", "not_found", "Object not found");
      return response.writeHead(200, { "content-type": stored.contentType }).end(stored.bytes);
    }
    if (method === "POST") {
      if (objects.has(name) && request.headers["x-upsert"] !== "true") {
        return storageError(response, "409", "Duplicate", "The resource already exists");
      }
      objects.set(name, { bytes: body, contentType: String(request.headers["content-type"]) });
      return send(response, 200, { Key: name, Id: randomUUID() });
    }
  }
  return storageError(response, "404", "not_found", `No route ${method} ${url.pathname}`);
}

let server: Server;
let baseUrl: string;
let storage: ModelStorage;
let tempDir: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  storage = createSupabaseModelStorage({ url: `${baseUrl}/`, serviceRoleKey: SERVICE_KEY, bucket: BUCKET });
  tempDir = await mkdtemp(path.join(tmpdir(), "foodar-supabase-"));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(tempDir, { recursive: true, force: true });
});

beforeEach(() => {
  requests.length = 0;
});

const newKey = () => `${RESTAURANT}/${randomUUID()}.glb`;
const last = () => requests.at(-1) as Recorded;

describe("Supabase Storage model driver", () => {
  it("uploads into the bucket under the restaurant's folder, as model/gltf-binary, with upsert", async () => {
    const key = newKey();
    const bytes = randomBytes(50_000);
    await storage.put(key, bytes, { contentType: "model/gltf-binary" });
    const upload = last();
    expect(upload.method).toBe("POST");
    expect(upload.path).toBe(`/storage/v1/object/${BUCKET}/${key}`);
    expect(upload.headers["x-upsert"]).toBe("true");
    expect(upload.headers["content-type"]).toBe("model/gltf-binary");
    expect(upload.headers.apikey).toBe(SERVICE_KEY);
    expect(upload.headers.authorization).toBe(`Bearer ${SERVICE_KEY}`);
    expect(objects.get(`${BUCKET}/${key}`)?.bytes.equals(bytes)).toBe(true);

    const replacement = randomBytes(10);
    await storage.put(key, replacement, { contentType: "model/gltf-binary" });
    expect(objects.get(`${BUCKET}/${key}`)?.bytes.equals(replacement)).toBe(true);
  });

  it("uploads from a stream and from a file path", async () => {
    const streamed = newKey();
    const bytes = randomBytes(300_000);
    await storage.put(streamed, Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]), { contentType: "model/gltf-binary" });
    expect(objects.get(`${BUCKET}/${streamed}`)?.bytes.equals(bytes)).toBe(true);

    const fromFile = newKey();
    const file = path.join(tempDir, "model.glb");
    await writeFile(file, bytes.subarray(0, 1234));
    await storage.put(fromFile, file, { contentType: "model/gltf-binary" });
    expect(objects.get(`${BUCKET}/${fromFile}`)?.bytes.equals(bytes.subarray(0, 1234))).toBe(true);
  });

  it("returns an absolute signed URL, valid 7 days by default, that downloads the model", async () => {
    const key = newKey();
    const bytes = randomBytes(2048);
    await storage.put(key, bytes, { contentType: "model/gltf-binary" });
    const url = new URL(await storage.signedUrl(key));
    const sign = last();
    expect(sign.method).toBe("POST");
    expect(sign.path).toBe(`/storage/v1/object/sign/${BUCKET}/${key}`);
    expect(JSON.parse(sign.body.toString("utf8"))).toEqual({ expiresIn: 7 * 24 * 60 * 60 });
    expect(sign.headers.authorization).toBe(`Bearer ${SERVICE_KEY}`);

    expect(url.origin).toBe(baseUrl);
    expect(url.pathname).toBe(`/storage/v1/object/sign/${BUCKET}/${key}`);
    expect(url.searchParams.get("token")).toMatch(/^[0-9a-f-]{36}$/);
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    await storage.signedUrl(key, { expiresInSeconds: 60 });
    expect(JSON.parse(last().body.toString("utf8"))).toEqual({ expiresIn: 60 });
  });

  it("reads a model back whole with the service role, and says clearly when it is missing", async () => {
    const key = newKey();
    const bytes = randomBytes(70_000);
    await storage.put(key, bytes, { contentType: "model/gltf-binary" });
    expect(Buffer.from(await storage.read(key)).equals(bytes)).toBe(true);
    const download = last();
    expect(download.method).toBe("GET");
    expect(download.path).toBe(`/storage/v1/object/${BUCKET}/${key}`);
    expect(download.headers.authorization).toBe(`Bearer ${SERVICE_KEY}`);

    const missing = newKey();
    await expect(storage.read(missing)).rejects.toThrow(new RegExp(`Supabase Storage refused to read ${missing}.*Object not found`));
  });

  it("removes by prefixes in one request, idempotently, and says whether a model exists", async () => {
    const [first, second] = [newKey(), newKey()];
    for (const key of [first, second]) await storage.put(key, randomBytes(10), { contentType: "model/gltf-binary" });
    expect(await storage.exists(first)).toBe(true);
    expect(last().method).toBe("HEAD");

    await storage.remove([first, second]);
    const removal = last();
    expect(removal.method).toBe("DELETE");
    expect(removal.path).toBe(`/storage/v1/object/${BUCKET}`);
    expect(JSON.parse(removal.body.toString("utf8"))).toEqual({ prefixes: [first, second] });
    expect(await storage.exists(first)).toBe(false);

    await storage.remove([first]);
    const before = requests.length;
    await storage.remove([]);
    expect(requests.length).toBe(before);
  });

  it("surfaces a clear error when Supabase refuses the key, and stores nothing", async () => {
    const key = newKey();
    const forged = createSupabaseModelStorage({ url: baseUrl, serviceRoleKey: "not-a-key-of-this-project", bucket: BUCKET });
    await expect(forged.put(key, randomBytes(10), { contentType: "model/gltf-binary" })).rejects.toThrow(
      /Supabase Storage refused to store rest_supabase\/.+\.glb \(HTTP 401\): Invalid API key/,
    );
    await expect(forged.signedUrl(key)).rejects.toBeInstanceOf(ModelStorageError);
    await expect(forged.exists(key)).rejects.toThrow(/refused to check .+ \(HTTP 401\)/);

    // The anon key passes the gateway but not the private bucket's row-level security: a 400 with a 403 inside.
    const anon = createSupabaseModelStorage({ url: baseUrl, serviceRoleKey: ANON_KEY, bucket: BUCKET });
    await expect(anon.put(key, randomBytes(10), { contentType: "model/gltf-binary" })).rejects.toThrow(
      /refused to store .+ \(HTTP 400\): new row violates row-level security policy/,
    );
    await expect(anon.remove([key])).rejects.toThrow(/refused to remove .+ \(HTTP 400\)/);
    expect(objects.has(`${BUCKET}/${key}`)).toBe(false);
  });

  it("surfaces a clear error for a missing bucket or object", async () => {
    const elsewhere = createSupabaseModelStorage({ url: baseUrl, serviceRoleKey: SERVICE_KEY, bucket: "no-such-bucket" });
    await expect(elsewhere.put(newKey(), randomBytes(10), { contentType: "model/gltf-binary" })).rejects.toThrow(
      /Supabase Storage refused to store .+ \(HTTP 400\): Bucket not found/,
    );
    await expect(storage.signedUrl(newKey())).rejects.toThrow(/refused to sign a URL for .+ \(HTTP 400\): Object not found/);
  });

  it("gives up on a Supabase that never answers, with a clear error, and works again once it does", async () => {
    const impatient = createSupabaseModelStorage({ url: baseUrl, serviceRoleKey: SERVICE_KEY, bucket: BUCKET, requestTimeoutMs: 300 });
    const key = newKey();
    hanging = true;
    try {
      await expect(impatient.put(key, randomBytes(10), { contentType: "model/gltf-binary" })).rejects.toThrow(
        /refused to store .+: no answer within 0.3 s/,
      );
      await expect(impatient.remove([key])).rejects.toThrow(/refused to remove .+: no answer within 0.3 s/);
      await expect(impatient.exists(key)).rejects.toThrow(/check .+: .*no answer within 0.3 s/);
    } finally {
      hanging = false;
    }
    await impatient.put(key, randomBytes(10), { contentType: "model/gltf-binary" });
    expect(await impatient.exists(key)).toBe(true);
  });

  it("refuses keys outside a restaurant's folder before calling Supabase", async () => {
    await expect(storage.put("../x.glb", randomBytes(1), { contentType: "model/gltf-binary" })).rejects.toThrow(/Invalid model storage key/);
    await expect(storage.remove([`${RESTAURANT}/../x.glb`])).rejects.toThrow(/Invalid model storage key/);
    expect(requests).toEqual([]);
  });
});
