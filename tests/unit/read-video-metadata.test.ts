import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readVideoMetadata } from "~/server/integrations/media/read-video-metadata";
import type { VideoFormat } from "~/server/integrations/media/media-storage";
import {
  ascii,
  concat,
  EBML,
  element,
  fileTypeBox,
  floatElement,
  isoBox,
  isoVideo,
  movieBox,
  u32,
  u64,
  uintElement,
  UNKNOWN_SIZE,
  webmVideo,
} from "../helpers/video-builder";

let dir: string;
let count = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "foodar-video-metadata-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(bytes: Uint8Array, format: VideoFormat = "mp4") {
  const file = path.join(dir, `video-${++count}`);
  await writeFile(file, bytes);
  return readVideoMetadata(file, format);
}

const UNKNOWN = { durationMs: null, width: null, height: null };
const clip = { timescale: 600, duration: 7_500, width: 1920, height: 1080 };

describe("readVideoMetadata for MP4 and MOV", () => {
  it("reads the duration from mvhd and the frame size from the video track's tkhd", async () => {
    expect(await read(isoVideo(clip))).toEqual({ durationMs: 12_500, width: 1920, height: 1080 });
  });

  it("finds moov after the media data, as cameras write it", async () => {
    expect(await read(isoVideo({ ...clip, moovLast: true, mediaBytes: 100_000 }))).toEqual({ durationMs: 12_500, width: 1920, height: 1080 });
  });

  it("skips a 64-bit media data box by its size without reading it (a sparse 5 GB file)", async () => {
    const file = path.join(dir, "huge.mp4");
    const mdatSize = 5n * 1024n ** 3n;
    const handle = await open(file, "w");
    try {
      await handle.write(concat(fileTypeBox("mp42", "mp42", "isom"), u32(1), ascii("mdat"), u64(mdatSize)));
      const moovAt = 24 + Number(mdatSize);
      await handle.write(movieBox(clip), 0, undefined, moovAt);
    } finally {
      await handle.close();
    }
    expect(await readVideoMetadata(file, "mp4")).toEqual({ durationMs: 12_500, width: 1920, height: 1080 });
  });

  it("turns the frame size of a portrait phone video, and reads version 1 (64-bit) headers of a MOV", async () => {
    const portrait = isoVideo({ major: "qt  ", timescale: 90_000, duration: 2_700_000n, width: 1920, height: 1080, quarterTurn: true });
    expect(await read(portrait, "mov")).toEqual({ durationMs: 30_000, width: 1080, height: 1920 });
  });

  it("takes the frame size of the video track, not of audio or subtitles before it", async () => {
    const otherTracks = [
      { handler: "soun", width: 0, height: 0 },
      { handler: "sbtl", width: 640, height: 60 },
    ];
    expect(await read(isoVideo({ ...clip, otherTracks }))).toEqual({ durationMs: 12_500, width: 1920, height: 1080 });
  });

  it("takes a fragmented movie's duration from mehd, and leaves it unknown without one", async () => {
    // mvhd of a fragmented file counts only the samples inside moov: here none.
    expect(await read(isoVideo({ ...clip, duration: 0, fragmentDuration: 3_000 }))).toEqual({ durationMs: 5_000, width: 1920, height: 1080 });
    expect(await read(isoVideo({ ...clip, duration: 120, fragmentDuration: null }))).toEqual({ durationMs: null, width: 1920, height: 1080 });
  });

  it("leaves out values the header marks unknown or that cannot be true", async () => {
    expect(await read(isoVideo({ ...clip, duration: 0xffff_ffff }))).toMatchObject({ durationMs: null, width: 1920 });
    expect(await read(isoVideo({ ...clip, timescale: 0 }))).toMatchObject({ durationMs: null });
    // 2^40 seconds would not fit the database's 32-bit column.
    expect(await read(isoVideo({ ...clip, timescale: 1, duration: 2n ** 40n }))).toMatchObject({ durationMs: null, width: 1920 });
    expect(await read(isoVideo({ ...clip, width: 0 }))).toEqual({ durationMs: 12_500, width: null, height: null });
  });
});

describe("readVideoMetadata for WebM", () => {
  it("reads the Segment's Duration and the video track's pixel size", async () => {
    expect(await read(webmVideo({ width: 1280, height: 720, duration: 20_008 }), "webm")).toEqual({ durationMs: 20_008, width: 1280, height: 720 });
  });

  it("applies the timestamp scale and reads a 4-byte Duration", async () => {
    const video = webmVideo({ width: 640, height: 360, duration: 1_500, timestampScaleNs: 10_000_000, durationWidth: 4 });
    expect(await read(video, "webm")).toEqual({ durationMs: 15_000, width: 640, height: 360 });
  });

  it("reads a live recording (unknown sizes, no Duration) as a browser's MediaRecorder writes it", async () => {
    expect(await read(webmVideo({ width: 640, height: 480, live: true }), "webm")).toEqual({ durationMs: null, width: 640, height: 480 });
  });
});

describe("readVideoMetadata on damaged and hostile files", () => {
  it("gives nulls for an empty file, random bytes and the wrong container", async () => {
    expect(await read(new Uint8Array(0))).toEqual(UNKNOWN);
    expect(await read(new Uint8Array(4096).map((_, index) => (index * 7919) % 251))).toEqual(UNKNOWN);
    expect(await read(isoVideo(clip), "webm")).toEqual(UNKNOWN);
    expect(await read(webmVideo({ width: 640, height: 480, duration: 1000 }), "mp4")).toEqual(UNKNOWN);
  });

  it("never throws on a file cut short anywhere, and finds nothing once the headers are cut", async () => {
    const cases = [
      { bytes: isoVideo({ ...clip, mediaBytes: 16 }), format: "mp4" as const },
      { bytes: webmVideo({ width: 640, height: 480, duration: 1000 }), format: "webm" as const },
    ];
    for (const { bytes, format } of cases) {
      const full = await read(bytes, format);
      expect(Object.values(full)).not.toContain(null);
      for (let length = 0; length < bytes.length; length += 3) {
        const result = await read(bytes.subarray(0, length), format);
        // A prefix can only lose values, never invent them.
        for (const key of ["durationMs", "width", "height"] as const) if (result[key] !== null) expect(result[key]).toBe(full[key]);
      }
    }
  });

  it("does not follow box sizes that lie", async () => {
    const moov = movieBox(clip);
    const ftyp = fileTypeBox("mp42", "mp42", "isom");
    const lies = [
      // moov claims more bytes than the file has.
      concat(ftyp, isoBox("moov", [moov.subarray(8)], moov.length + 1000)),
      // A size smaller than the header itself would never move forward.
      concat(ftyp, u32(4), ascii("free"), moov),
      // A 64-bit size past the end, and one that is too large for a double.
      concat(ftyp, u32(1), ascii("mdat"), u64(1n << 62n), moov),
      concat(ftyp, u32(1), ascii("mdat"), u64(0xffff_ffff_ffff_ffffn), moov),
      // A child of moov running past its parent.
      concat(ftyp, isoBox("moov", [isoBox("trak", [moov.subarray(8)], moov.length * 2)])),
    ];
    for (const bytes of lies) expect(await read(bytes)).toEqual(UNKNOWN);
  });

  it("gives up on a moov of ten thousand empty boxes instead of walking them all", async () => {
    const padding = Array.from({ length: 10_000 }, () => isoBox("free", []));
    const started = performance.now();
    expect(await read(concat(fileTypeBox("mp42", "mp42", "isom"), isoBox("moov", [...padding, movieBox(clip).subarray(8)])))).toEqual(UNKNOWN);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("does not follow EBML sizes that lie or are malformed", async () => {
    const header = element(EBML.header, [element(EBML.docType, [ascii("webm")])]);
    const video = element(EBML.trackEntry, [uintElement(EBML.trackType, 1), element(EBML.video, [uintElement(EBML.pixelWidth, 640), uintElement(EBML.pixelHeight, 480)])]);
    const info = element(EBML.info, [floatElement(EBML.duration, 1000)]);
    const lies = [
      // Tracks claims more bytes than the segment has.
      concat(header, element(EBML.segment, [info, element(EBML.tracks, [video], Uint8Array.of(0x10, 0xff, 0xff, 0xff))])),
      // Info of unknown size cannot be skipped or bounded.
      concat(header, element(EBML.segment, [element(EBML.info, [floatElement(EBML.duration, 1000)], UNKNOWN_SIZE), element(EBML.tracks, [video])])),
      // A size whose first byte is 0 (no length marker), and a 9-byte integer.
      concat(header, element(EBML.segment, [info, element(EBML.tracks, [video], Uint8Array.of(0x00, 0x80))])),
      concat(header, element(EBML.segment, [info, element(EBML.tracks, [element(EBML.trackEntry, [element(EBML.trackType, [new Uint8Array(9)])])])])),
      // Duration as a 3-byte float.
      concat(header, element(EBML.segment, [element(EBML.info, [element(EBML.duration, [new Uint8Array(3)])])])),
      // No EBML header, or no segment after it.
      concat(element(EBML.segment, [info])),
      header,
    ];
    for (const bytes of lies) expect(await read(bytes, "webm")).toEqual(UNKNOWN);
  });
});
