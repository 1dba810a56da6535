import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { formatLimit } from "~/server/services/media/media-limits";
import { sniffMediaType } from "~/server/services/media/sniff-media-type";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));

/** An ftyp box: size, "ftyp", major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]) {
  const size = 16 + compatible.length * 4;
  return bytes([0, 0, 0, size], "ftyp", major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], "free");
}

describe("sniffMediaType", () => {
  it("recognises images from real encoder output, not the name", async () => {
    const source = sharp({ create: { width: 4, height: 4, channels: 3, background: "red" } });
    const cases = [
      ["jpeg", await source.clone().jpeg().toBuffer()],
      ["png", await source.clone().png().toBuffer()],
      ["webp", await source.clone().webp().toBuffer()],
      ["gif", await source.clone().gif().toBuffer()],
      ["avif", await source.clone().avif().toBuffer()],
    ] as const;
    for (const [format, data] of cases) {
      expect(sniffMediaType(data.subarray(0, 64))).toEqual({ ok: true, media: expect.objectContaining({ kind: "IMAGE", format }) });
    }
  });

  it("recognises MP4, MOV and WebM videos", () => {
    expect(sniffMediaType(ftyp("isom", "isom", "iso2", "mp41"))).toMatchObject({ ok: true, media: { kind: "VIDEO", format: "mp4", contentType: "video/mp4" } });
    expect(sniffMediaType(ftyp("mp42", "mp42", "isom"))).toMatchObject({ ok: true, media: { format: "mp4" } });
    expect(sniffMediaType(ftyp("qt  ", "qt  "))).toMatchObject({ ok: true, media: { format: "mov", contentType: "video/quicktime" } });
    const webm = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], "webm", [0x42, 0x87]);
    expect(sniffMediaType(webm)).toMatchObject({ ok: true, media: { kind: "VIDEO", format: "webm" } });
  });

  it("refuses HEIC, which sharp cannot decode here, and says so", () => {
    const result = sniffMediaType(ftyp("heic", "mif1", "heic"));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^This file looks like a HEIC photo.*JPEG/) });
  });

  it("names what a refused file looks like", () => {
    const cases: [Uint8Array, RegExp][] = [
      [bytes("%PDF-1.7\n%\xe2\xe3"), /a PDF document/],
      [bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]), /a ZIP archive/],
      [bytes("glTF", [2, 0, 0, 0]), /a 3D model/],
      [bytes("<svg xmlns='http://www.w3.org/2000/svg'>"), /an SVG/],
      [bytes("RIFF", [0, 0, 0, 0], "AVI LIST"), /an AVI video/],
      [ftyp("M4A ", "M4A ", "mp42"), /an audio file/],
      [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x88], "matroska"), /a Matroska \(MKV\) video/],
      [bytes("hello, world"), /none of the supported photo or video formats/],
      [new Uint8Array(), /The file is empty/],
    ];
    for (const [data, message] of cases) {
      const result = sniffMediaType(data);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(message);
        expect(result.message).toMatch(/upload a JPEG, PNG, WebP, GIF or AVIF photo, or an MP4, MOV or WebM video/);
      }
    }
  });

  it("does not trust a truncated header", () => {
    expect(sniffMediaType(bytes([0xff, 0xd8]))).toMatchObject({ ok: false });
    expect(sniffMediaType(bytes([0, 0, 0, 0x18], "ftyp"))).toMatchObject({ ok: false });
  });
});

describe("formatLimit", () => {
  it("shows whole megabytes plainly", () => {
    expect(formatLimit(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatLimit(1536 * 1024)).toBe("1.5 MB");
  });
});
