import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ModelStorage } from "~/server/integrations/model-storage";
import { signFileUrl } from "~/server/integrations/model-storage/signed-file-url";

// The local driver for real: files in a temporary FOODAR_DATA_DIR, fetched through the route handler exactly as
// Next calls it. The route reads env at import, so it is imported fresh under this file's environment.
type Handler = (request: Request, context: { params: Promise<{ key: string[] }> }) => Promise<Response>;
let route: { GET: Handler; HEAD: Handler; OPTIONS: () => Response };
let storage: ModelStorage;
let dataDir: string;

const RESTAURANT = "rest_local";
const MODEL = randomBytes(64 * 1024 + 123);
const KEY = `${RESTAURANT}/${randomUUID()}.glb`;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "foodar-models-"));
  vi.stubEnv("FOODAR_DATA_DIR", dataDir);
  vi.resetModules();
  route = (await import("~/../app/api/files/models/[...key]/route")) as unknown as typeof route;
  storage = (await import("~/server/integrations/model-storage")).modelStorage();
  await storage.put(KEY, MODEL, { contentType: "model/gltf-binary" });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  vi.resetModules();
  await rm(dataDir, { recursive: true, force: true });
});

/** Calls the handler the way Next does: the catch-all segments come decoded from the URL's path. */
function call(method: "GET" | "HEAD", url: string, headers: Record<string, string> = {}, segments?: string[]) {
  const full = new URL(url, "http://localhost:3000");
  const key = segments ?? full.pathname.replace(/^\/api\/files\/models\//, "").split("/").map(decodeURIComponent);
  const request = new Request(full, { method, headers });
  return route[method](request, { params: Promise.resolve({ key }) });
}

// Comparing whole buffers element by element with toEqual takes seconds for a model this size.
async function expectBytes(response: Response, expected: Uint8Array) {
  const actual = Buffer.from(await response.arrayBuffer());
  expect(actual.length).toBe(expected.length);
  expect(actual.equals(expected)).toBe(true);
}

function signedQuery(key: string, expires = Math.floor(Date.now() / 1000) + 600) {
  const secret = process.env.FILE_URL_SECRET ?? "";
  return `expires=${expires}&sig=${signFileUrl(key, expires, secret)}`;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "Range",
  "access-control-expose-headers": "Content-Length, Content-Range, Accept-Ranges, ETag",
};

function expectCors(response: Response) {
  for (const [name, value] of Object.entries(CORS)) expect(response.headers.get(name), name).toBe(value);
}

describe("local model storage", () => {
  it("writes files under <data dir>/storage/models/<key> with nothing left behind", async () => {
    const file = path.join(dataDir, "storage", "models", ...KEY.split("/"));
    expect(Buffer.compare(await readFile(file), MODEL)).toBe(0);
    expect(await readdir(path.dirname(file))).toEqual([path.basename(file)]);
    expect(await storage.exists(KEY)).toBe(true);
    expect(await storage.exists(`${RESTAURANT}/${randomUUID()}.glb`)).toBe(false);
  });

  it("reads a stored model back whole, and refuses a missing one with a storage error", async () => {
    expect(Buffer.compare(await storage.read(KEY), MODEL)).toBe(0);
    await expect(storage.read(`${RESTAURANT}/${randomUUID()}.glb`)).rejects.toThrow(/^Model file .+\.glb does not exist$/);
  });

  it("stores from a stream and from a file path, replacing an existing file", async () => {
    const key = `${RESTAURANT}/${randomUUID()}-optimized.glb`;
    const first = randomBytes(200_000);
    await storage.put(key, Readable.from([first.subarray(0, 70_000), first.subarray(70_000)]), { contentType: "model/gltf-binary" });
    await expectBytes(await call("GET", await storage.signedUrl(key)), first);

    const second = randomBytes(1000);
    const source = path.join(dataDir, "upload.tmp");
    await writeFile(source, second);
    await storage.put(key, source, { contentType: "model/gltf-binary" });
    await expectBytes(await call("GET", await storage.signedUrl(key)), second);
  });

  it("leaves no file when the source stream fails", async () => {
    const key = `${RESTAURANT}/${randomUUID()}.glb`;
    const failing = new Readable({
      read() {
        this.push(randomBytes(1000));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(storage.put(key, failing, { contentType: "model/gltf-binary" })).rejects.toThrow(/client went away/);
    expect(await storage.exists(key)).toBe(false);
    expect((await readdir(path.join(dataDir, "storage", "models", RESTAURANT))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses keys that could leave the storage folder", async () => {
    for (const key of ["../x.glb", `${RESTAURANT}/../../x.glb`, "/etc/x.glb", `${RESTAURANT}/%2e%2e.glb`]) {
      await expect(storage.put(key, MODEL, { contentType: "model/gltf-binary" }), key).rejects.toThrow(/Invalid model storage key/);
      await expect(storage.signedUrl(key), key).rejects.toThrow(/Invalid model storage key/);
    }
  });

  it("signs root-relative URLs valid for 7 days by default", async () => {
    const url = new URL(await storage.signedUrl(KEY), "http://localhost");
    expect(url.pathname).toBe(`/api/files/models/${KEY}`);
    const expires = Number(url.searchParams.get("expires"));
    expect(expires - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(7 * 86_400 - 5);
    expect(url.searchParams.get("sig")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("GET /api/files/models/[...key]", () => {
  it("serves the whole model as model/gltf-binary with length, ETag, private caching until expiry and CORS", async () => {
    const response = await call("GET", await storage.signedUrl(KEY, { expiresInSeconds: 600 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("model/gltf-binary");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-length")).toBe(String(MODEL.length));
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=(59\d|600)$/);
    expectCors(response);
    await expectBytes(response, MODEL);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=1000-", 1000, MODEL.length - 1],
    ["bytes=-500", MODEL.length - 500, MODEL.length - 1],
    ["bytes=65000-9999999", 65_000, MODEL.length - 1],
  ])("answers %s with 206 and exactly that slice", async (range, start, end) => {
    const response = await call("GET", await storage.signedUrl(KEY), { range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${MODEL.length}`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(response.headers.get("content-type")).toBe("model/gltf-binary");
    expectCors(response);
    await expectBytes(response, MODEL.subarray(start, end + 1));
  });

  it("answers several ranges with the whole file", async () => {
    const response = await call("GET", await storage.signedUrl(KEY), { range: "bytes=0-1,10-20" });
    expect(response.status).toBe(200);
    await expectBytes(response, MODEL);
  });

  it("answers a range past the end with 416 and the size", async () => {
    const response = await call("GET", await storage.signedUrl(KEY), { range: `bytes=${MODEL.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${MODEL.length}`);
    expectCors(response);
  });

  it("ignores the range when If-Range names another version of the file", async () => {
    const response = await call("GET", await storage.signedUrl(KEY), { range: "bytes=0-9", "if-range": '"stale"' });
    expect(response.status).toBe(200);
    await expectBytes(response, MODEL);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const url = await storage.signedUrl(KEY);
    const etag = (await call("HEAD", url)).headers.get("etag") ?? "";
    const response = await call("GET", url, { "if-none-match": etag });
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
  });

  it("answers HEAD with the headers of GET and no body, ranges included", async () => {
    const url = await storage.signedUrl(KEY);
    const whole = await call("HEAD", url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(MODEL.length));
    expect(whole.headers.get("content-type")).toBe("model/gltf-binary");
    expect(whole.body).toBeNull();
    const part = await call("HEAD", url, { range: "bytes=-10" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes ${MODEL.length - 10}-${MODEL.length - 1}/${MODEL.length}`);
    expect(part.body).toBeNull();
  });

  it("answers the CORS preflight with 204", () => {
    const response = route.OPTIONS();
    expect(response.status).toBe(204);
    expectCors(response);
  });

  describe("refuses links it did not sign, with 403 and no file bytes", () => {
    async function expectRefused(response: Response, message: RegExp) {
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(response.headers.get("content-range")).toBeNull();
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(message);
      expectCors(response);
    }

    it("a forged signature", async () => {
      const url = new URL(await storage.signedUrl(KEY), "http://localhost");
      url.searchParams.set("sig", "0".repeat(64));
      await expectRefused(await call("GET", url.toString()), /not valid/);
    });

    it("a signature moved to another key, existing or not", async () => {
      const query = new URL(await storage.signedUrl(KEY), "http://localhost").search;
      const other = `${RESTAURANT}/${randomUUID()}.glb`;
      await storage.put(other, randomBytes(10), { contentType: "model/gltf-binary" });
      const existing = await call("GET", `/api/files/models/${other}${query}`);
      const missing = await call("GET", `/api/files/models/${RESTAURANT}/${randomUUID()}.glb${query}`);
      await expectRefused(existing, /not valid/);
      await expectRefused(missing, /not valid/);
    });

    it("an expiry pushed later", async () => {
      const url = new URL(await storage.signedUrl(KEY), "http://localhost");
      url.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
      await expectRefused(await call("GET", url.toString()), /not valid/);
    });

    it("an expired link", async () => {
      const expired = signedQuery(KEY, Math.floor(Date.now() / 1000) - 1);
      await expectRefused(await call("GET", `/api/files/models/${KEY}?${expired}`), /expired/);
      await expectRefused(await call("HEAD", `/api/files/models/${KEY}?${expired}`), /expired/);
    });

    it("missing or malformed parameters", async () => {
      await expectRefused(await call("GET", `/api/files/models/${KEY}`), /missing its signature/);
      const expires = Math.floor(Date.now() / 1000) + 60;
      await expectRefused(await call("GET", `/api/files/models/${KEY}?expires=${expires}`), /missing its signature/);
      await expectRefused(await call("GET", `/api/files/models/${KEY}?expires=${expires}&sig=abc`), /malformed/);
    });

    it("path traversal, even with a signature made for it", async () => {
      const outside = path.join(dataDir, "storage", "secret.glb");
      await writeFile(outside, "not yours");
      const traversals = [
        ["..", "secret.glb"],
        ["%2e%2e", "secret.glb"],
        ["", "etc", "passwd"],
        [RESTAURANT, "..", "..", "secret.glb"],
      ];
      for (const segments of traversals) {
        const key = segments.join("/");
        await expectRefused(await call("GET", `/api/files/models/x.glb?${signedQuery("x.glb")}`, {}, segments), /not valid/);
        const signedForIt = await call("GET", `/api/files/models/x.glb?${signedQuery(key)}`, {}, segments);
        expect(signedForIt.status, key).toBe(400);
        expect(await signedForIt.text()).not.toContain("not yours");
      }
    });
  });

  it("removes idempotently; a removed file is 404 with a valid link and 403 without one", async () => {
    const key = `${RESTAURANT}/${randomUUID()}.glb`;
    await storage.put(key, randomBytes(100), { contentType: "model/gltf-binary" });
    const url = await storage.signedUrl(key);
    await storage.remove([key]);
    await storage.remove([key, `${RESTAURANT}/${randomUUID()}.glb`]);
    await storage.remove([]);
    expect(await storage.exists(key)).toBe(false);
    const gone = await call("GET", url);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: "Model file not found" });
    expect((await call("GET", `/api/files/models/${key}`)).status).toBe(403);
    await expect(storage.remove(["../x.glb"])).rejects.toThrow(/Invalid model storage key/);
  });
});

describe("with Supabase Storage configured", () => {
  it("serves nothing from this disk, whatever the link", async () => {
    const url = await storage.signedUrl(KEY);
    vi.stubEnv("SUPABASE_URL", "https://foodar.supabase.co");
    vi.stubEnv("SUPABASE_SERVICE_ROLE_KEY", "service-role-key");
    vi.resetModules();
    const supabaseRoute = (await import("~/../app/api/files/models/[...key]/route")) as unknown as typeof route;
    const full = new URL(url, "http://localhost:3000");
    const response = await supabaseRoute.GET(new Request(full), { params: Promise.resolve({ key: KEY.split("/") }) });
    expect(response.status).toBe(404);
  });
});
