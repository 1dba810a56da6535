import { describe, expect, it } from "vitest";
import { isModelKey, modelKey } from "~/server/integrations/model-storage/model-key";
import { parseRange } from "~/server/integrations/files/serve-file-range";
import { signFileUrl, verifyFileUrl } from "~/server/integrations/model-storage/signed-file-url";

const SECRET = "unit-test-secret-that-is-32-characters-or-more";
const KEY = "rest_1/3f0c1a2b-9d4e-4b7a-8c1d-2e3f4a5b6c7d.glb";
const EXPIRES = 1_900_000_000;
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);
const params = (sig: string, expires = EXPIRES) => ({ expires: String(expires), sig });

describe("signed file URLs", () => {
  it("accepts its own signature up to and including the expiry second", () => {
    const sig = signFileUrl(KEY, EXPIRES, SECRET);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyFileUrl(KEY, params(sig), SECRET, at(EXPIRES - 3600))).toEqual({ ok: true, expires: EXPIRES });
    expect(verifyFileUrl(KEY, params(sig), SECRET, at(EXPIRES))).toEqual({ ok: true, expires: EXPIRES });
    expect(verifyFileUrl(KEY, params(sig), SECRET, at(EXPIRES + 1))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a signature for another key, another expiry or another secret", () => {
    const sig = signFileUrl(KEY, EXPIRES, SECRET);
    const now = at(EXPIRES - 10);
    expect(verifyFileUrl("rest_2/3f0c1a2b-9d4e-4b7a-8c1d-2e3f4a5b6c7d.glb", params(sig), SECRET, now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyFileUrl(KEY, params(sig, EXPIRES + 86_400), SECRET, now)).toEqual({ ok: false, reason: "forged" });
    expect(verifyFileUrl(KEY, params(sig), `${SECRET}-other`, now)).toEqual({ ok: false, reason: "forged" });
    const flipped = `${sig.slice(0, -1)}${sig.endsWith("0") ? "1" : "0"}`;
    expect(verifyFileUrl(KEY, params(flipped), SECRET, now)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses missing and malformed parameters without comparing anything", () => {
    const sig = signFileUrl(KEY, EXPIRES, SECRET);
    expect(verifyFileUrl(KEY, { expires: null, sig }, SECRET)).toEqual({ ok: false, reason: "missing" });
    expect(verifyFileUrl(KEY, { expires: String(EXPIRES), sig: null }, SECRET)).toEqual({ ok: false, reason: "missing" });
    for (const bad of [sig.slice(2), `${sig}00`, sig.toUpperCase(), "z".repeat(64)]) {
      expect(verifyFileUrl(KEY, params(bad), SECRET)).toEqual({ ok: false, reason: "malformed" });
    }
    for (const expires of ["-1", "1e12", `0${EXPIRES}`, "soon"]) {
      expect(verifyFileUrl(KEY, { expires, sig }, SECRET)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});

describe("model keys", () => {
  it("are <restaurantId>/<fileId>.glb, the optimised copy beside the original", () => {
    expect(modelKey("rest_1", "abc-123")).toBe("rest_1/abc-123.glb");
    expect(modelKey("rest_1", "abc-123", "optimized")).toBe("rest_1/abc-123-optimized.glb");
  });

  it("refuse anything a path or URL could reinterpret", () => {
    for (const key of ["../x.glb", "rest/../x.glb", "/etc/x.glb", "rest/.x.glb", "rest/x.gltf", "rest/x", "x.glb", "rest/a/b.glb", "rest\\x.glb", "rest/%2e%2e.glb", "rest/x.glb/"]) {
      expect(isModelKey(key), key).toBe(false);
    }
    expect(() => modelKey("..", "x")).toThrow(/Invalid model storage key/);
  });
});

describe("parseRange", () => {
  it("reads the three single-range forms and clamps them to the file", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=90-200", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=95-", 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-500", 100)).toEqual({ start: 0, end: 99 });
  });

  it("serves the whole file for no, several or invalid ranges, and nothing past the end", () => {
    for (const header of [null, "bytes=0-1,5-6", "bytes=9-3", "items=0-1", "bytes=-", "bytes=a-b"]) {
      expect(parseRange(header, 100), String(header)).toBe("none");
    }
    expect(parseRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=-0", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-", 0)).toBe("unsatisfiable");
  });
});
