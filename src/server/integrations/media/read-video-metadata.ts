// Reads a video's duration and frame size from its container headers, without a decoder: MP4/MOV keep them in
// moov/mvhd and each track's tkhd, WebM in the Segment's Info and Tracks. It reads only those few boxes and
// elements, a few bytes at a time at their offsets, and skips the media data by its declared size, so a 100 MB
// upload costs a few dozen small reads. Every size is checked against its parent before it is followed and the
// number of reads is capped, so a file that lies about its sizes ends the walk instead of steering it; a header
// that cannot be read gives nulls, because the video itself may still play.
//
// Libraries were tried first and left out: mp4box parses a whole moov into sample lists (a 39 KB file claiming 50
// million samples ran Node out of memory), and music-metadata reports no frame size for MP4 nor any duration for MOV.
import { open, type FileHandle } from "node:fs/promises";
import type { VideoFormat } from "./media-storage";

export type VideoMetadata = { durationMs: number | null; width: number | null; height: number | null };

/** What a container's headers declare, before the values are checked. */
type Declared = { durationMs?: number; width?: number; height?: number };

// A real moov or Segment header needs a few dozen reads; a file needing more is built to make us walk.
const MAX_READS = 1000;
// The largest thing read at once: a version 1 tkhd payload (96 bytes).
const MAX_READ_BYTES = 128;
// tkhd stores whole pixels in 16 bits; no player shows a larger frame.
const MAX_SIDE = 65_535;
// ProductMedia.durationMs is a 32-bit integer (about 24 days).
const MAX_DURATION_MS = 2_147_483_647;

class UnreadableHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableHeaderError";
  }
}

/** Bounded reads at offsets: nothing outside the file, nothing large, and not too many. */
class HeaderReader {
  private reads = 0;

  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  async read(offset: number, length: number): Promise<DataView> {
    if (++this.reads > MAX_READS) throw new UnreadableHeaderError("Too many header reads");
    if (length < 0 || length > MAX_READ_BYTES || offset < 0 || offset + length > this.size) {
      throw new UnreadableHeaderError(`A header at ${offset} reaches past the file`);
    }
    const bytes = new Uint8Array(length);
    const { bytesRead } = await this.file.read(bytes, 0, length, offset);
    if (bytesRead !== length) throw new UnreadableHeaderError("The file ended inside a header");
    return new DataView(bytes.buffer);
  }
}

/** Duration and frame size from the headers of an MP4, MOV or WebM file; null for whatever cannot be read. */
export async function readVideoMetadata(filePath: string, format: VideoFormat): Promise<VideoMetadata> {
  const file = await open(filePath, "r");
  try {
    const reader = new HeaderReader(file, (await file.stat()).size);
    return plausible(format === "webm" ? await readMatroska(reader) : await readIsoMedia(reader));
  } catch (error) {
    if (error instanceof UnreadableHeaderError) return { durationMs: null, width: null, height: null };
    throw error;
  } finally {
    await file.close();
  }
}

function plausible(declared: Declared): VideoMetadata {
  const { durationMs, width, height } = declared;
  const side = (value: number | undefined): value is number => value !== undefined && Number.isInteger(value) && value >= 1 && value <= MAX_SIDE;
  const sized = side(width) && side(height);
  const timed = durationMs !== undefined && Number.isInteger(durationMs) && durationMs >= 1 && durationMs <= MAX_DURATION_MS;
  return { durationMs: timed ? durationMs : null, width: sized ? width : null, height: sized ? height : null };
}

const fourCc = (view: DataView, offset: number) =>
  String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));

// ISO base media (MP4) and QuickTime (MOV) share the box layout and every field read here.

type Box = { type: string; payload: number; end: number };

async function* boxes(reader: HeaderReader, start: number, end: number): AsyncGenerator<Box> {
  let offset = start;
  while (offset < end) {
    if (end - offset < 8) throw new UnreadableHeaderError(`A box at ${offset} is cut short`);
    const head = await reader.read(offset, Math.min(16, end - offset));
    const size32 = head.getUint32(0);
    const type = fourCc(head, 4);
    let headerSize = 8;
    let size: number;
    if (size32 === 1) {
      // A 64-bit size follows the type; compared as a bigint so a huge one cannot lose precision on the way.
      if (head.byteLength < 16) throw new UnreadableHeaderError(`The box "${type}" is cut short`);
      const large = head.getBigUint64(8);
      if (large > BigInt(end - offset)) throw new UnreadableHeaderError(`The box "${type}" claims more bytes than it has`);
      size = Number(large);
      headerSize = 16;
    } else {
      // Size 0 means "to the end of the file" at the top level; inside a box the parent's end is that end.
      size = size32 === 0 ? end - offset : size32;
    }
    if (size < headerSize || size > end - offset) throw new UnreadableHeaderError(`The box "${type}" has an impossible size`);
    yield { type, payload: offset + headerSize, end: offset + size };
    offset += size;
  }
}

/** The payload's first bytes, which must include every field read from them. */
async function payloadOf(reader: HeaderReader, box: Box, needed: number): Promise<DataView> {
  if (box.end - box.payload < needed) throw new UnreadableHeaderError(`The box "${box.type}" is too short`);
  return reader.read(box.payload, needed);
}

async function readIsoMedia(reader: HeaderReader): Promise<Declared> {
  for await (const box of boxes(reader, 0, reader.size)) {
    // The media data (mdat) is skipped by its size, wherever moov sits: at the start (fast start) or at the end.
    if (box.type === "moov") return readMovie(reader, box);
  }
  return {};
}

async function readMovie(reader: HeaderReader, moov: Box): Promise<Declared> {
  let timescale = 0;
  let duration = 0;
  // Set when the movie is fragmented (it has mvex): the total is then mehd's, 0 when it has none.
  let fragmentDuration: number | undefined;
  let frame: { width: number; height: number } | undefined;
  for await (const box of boxes(reader, moov.payload, moov.end)) {
    if (box.type === "mvhd") {
      const version = (await payloadOf(reader, box, 1)).getUint8(0);
      const header = await payloadOf(reader, box, version === 1 ? 32 : 20);
      timescale = header.getUint32(version === 1 ? 20 : 12);
      // All ones means the writer did not know the duration.
      duration = version === 1 ? unlessAllOnes64(header.getBigUint64(24)) : unlessAllOnes32(header.getUint32(16));
    } else if (box.type === "trak" && !frame) {
      frame = await readVideoTrack(reader, box);
    } else if (box.type === "mvex") {
      fragmentDuration = await readFragmentDuration(reader, box);
    }
  }
  // In a fragmented MP4 (recorded in a browser, or streamed) mvhd counts only the samples inside moov, often none;
  // the whole length is in mvex/mehd when the writer knew it, and otherwise unknown without walking every fragment.
  const total = fragmentDuration ?? duration;
  return {
    ...(timescale > 0 && total > 0 ? { durationMs: Math.round((total * 1000) / timescale) } : {}),
    ...frame,
  };
}

const unlessAllOnes32 = (value: number) => (value === 0xffff_ffff ? 0 : value);
const unlessAllOnes64 = (value: bigint) => (value === 0xffff_ffff_ffff_ffffn ? 0 : Number(value));

async function readFragmentDuration(reader: HeaderReader, mvex: Box): Promise<number> {
  for await (const box of boxes(reader, mvex.payload, mvex.end)) {
    if (box.type !== "mehd") continue;
    const version = (await payloadOf(reader, box, 1)).getUint8(0);
    const header = await payloadOf(reader, box, version === 1 ? 12 : 8);
    return version === 1 ? unlessAllOnes64(header.getBigUint64(4)) : unlessAllOnes32(header.getUint32(4));
  }
  return 0;
}

/** The displayed frame size if this track is video; audio, subtitle and timecode tracks give undefined. */
async function readVideoTrack(reader: HeaderReader, trak: Box): Promise<{ width: number; height: number } | undefined> {
  let handler = "";
  let frame: { width: number; height: number } | undefined;
  for await (const box of boxes(reader, trak.payload, trak.end)) {
    if (box.type === "tkhd") frame = await readTrackFrame(reader, box);
    else if (box.type === "mdia") handler = await readHandlerType(reader, box);
  }
  // Subtitle tracks have a frame size too; only the handler says which track is the picture.
  return handler === "vide" ? frame : undefined;
}

async function readTrackFrame(reader: HeaderReader, tkhd: Box): Promise<{ width: number; height: number }> {
  const version = (await payloadOf(reader, tkhd, 1)).getUint8(0);
  const matrixAt = version === 1 ? 52 : 40;
  const header = await payloadOf(reader, tkhd, matrixAt + 44);
  // Width and height are 16.16 fixed point, before the track's matrix is applied.
  const width = Math.round(header.getUint32(matrixAt + 36) / 0x1_0000);
  const height = Math.round(header.getUint32(matrixAt + 40) / 0x1_0000);
  // Phones record portrait video as landscape frames with a quarter-turn matrix ({0, b, c, 0}); players turn the
  // picture, so the size a viewer sees is the other way round.
  const [a, b, c, d] = [0, 4, 12, 16].map((at) => header.getInt32(matrixAt + at));
  const quarterTurn = a === 0 && d === 0 && b !== 0 && c !== 0;
  return quarterTurn ? { width: height, height: width } : { width, height };
}

async function readHandlerType(reader: HeaderReader, mdia: Box): Promise<string> {
  for await (const box of boxes(reader, mdia.payload, mdia.end)) {
    // Version and flags, then pre_defined (QuickTime's component type), then the handler ("vide", "soun", …).
    if (box.type === "hdlr") return fourCc(await payloadOf(reader, box, 12), 8);
  }
  return "";
}

// Matroska (WebM): EBML elements, each an ID and a size written as variable-length integers.

const EBML_ID = 0x1a45dfa3;
const SEGMENT_ID = 0x18538067;
const INFO_ID = 0x1549a966;
const TIMESTAMP_SCALE_ID = 0x2ad7b1;
const DURATION_ID = 0x4489;
const TRACKS_ID = 0x1654ae6b;
const TRACK_ENTRY_ID = 0xae;
const TRACK_TYPE_ID = 0x83;
const VIDEO_ID = 0xe0;
const PIXEL_WIDTH_ID = 0xb0;
const PIXEL_HEIGHT_ID = 0xba;
const CLUSTER_ID = 0x1f43b675;
const VIDEO_TRACK_TYPE = 1;
// Matroska's default: timestamps count milliseconds (1,000,000 ns).
const DEFAULT_TIMESTAMP_SCALE_NS = 1_000_000;

/** An element; `end` is null when its size is "unknown", as live recordings write the Segment and Clusters. */
type Element = { id: number; payload: number; end: number | null };

/** A variable-length integer at `at`: its width and value. The ID keeps its length marker, as IDs are written. */
function readVint(view: DataView, at: number, maxWidth: number, keepMarker: boolean): { width: number; value: number; allOnes: boolean } {
  if (at >= view.byteLength) throw new UnreadableHeaderError("An element header is cut short");
  const first = view.getUint8(at);
  const width = Math.clz32(first) - 23;
  if (first === 0 || width > maxWidth || at + width > view.byteLength) throw new UnreadableHeaderError("An element header is malformed");
  const marker = 0x100 >> width;
  let value = keepMarker ? first : first & (marker - 1);
  let allOnes = (first & (marker - 1)) === marker - 1;
  for (let index = 1; index < width; index++) {
    const byte = view.getUint8(at + index);
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { width, value, allOnes };
}

async function readElement(reader: HeaderReader, offset: number, end: number): Promise<Element> {
  // An ID takes at most 4 bytes and a size at most 8.
  const head = await reader.read(offset, Math.min(12, end - offset));
  const id = readVint(head, 0, 4, true);
  const size = readVint(head, id.width, 8, false);
  const payload = offset + id.width + size.width;
  if (size.allOnes) return { id: id.value, payload, end: null };
  if (size.value > end - payload) throw new UnreadableHeaderError(`The element 0x${id.value.toString(16)} claims more bytes than it has`);
  return { id: id.value, payload, end: payload + size.value };
}

async function* elements(reader: HeaderReader, start: number, end: number): AsyncGenerator<Element> {
  let offset = start;
  while (offset < end) {
    const element = await readElement(reader, offset, end);
    yield element;
    // Only a caller that stops at an unknown-size element can use one: there is no way past it.
    if (element.end === null) throw new UnreadableHeaderError(`The element 0x${element.id.toString(16)} has no size`);
    offset = element.end;
  }
}

async function readUnsigned(reader: HeaderReader, element: Element): Promise<number> {
  const length = endOf(element) - element.payload;
  if (length > 8) throw new UnreadableHeaderError("An unsigned integer is longer than 8 bytes");
  const bytes = await reader.read(element.payload, length);
  let value = 0;
  for (let index = 0; index < length; index++) value = value * 256 + bytes.getUint8(index);
  return value;
}

async function readFloat(reader: HeaderReader, element: Element): Promise<number> {
  const length = endOf(element) - element.payload;
  if (length === 4) return (await reader.read(element.payload, 4)).getFloat32(0);
  if (length === 8) return (await reader.read(element.payload, 8)).getFloat64(0);
  throw new UnreadableHeaderError(`A float of ${length} bytes`);
}

async function readMatroska(reader: HeaderReader): Promise<Declared> {
  const header = await readElement(reader, 0, reader.size);
  if (header.id !== EBML_ID || header.end === null) throw new UnreadableHeaderError("No EBML header");
  const segment = await readElement(reader, header.end, reader.size);
  if (segment.id !== SEGMENT_ID) throw new UnreadableHeaderError("No Matroska segment");

  let duration: Declared | undefined;
  let frame: Declared | undefined;
  for await (const element of elements(reader, segment.payload, segment.end ?? reader.size)) {
    // Browsers need Info and Tracks before the first Cluster to play from the network, so writers put them there;
    // stopping at the media data also keeps the walk short.
    if (element.id === CLUSTER_ID) break;
    if (element.id === INFO_ID) duration = await readSegmentDuration(reader, element);
    else if (element.id === TRACKS_ID) frame = await readVideoFrame(reader, element);
    if (duration && frame) break;
  }
  return { ...duration, ...frame };
}

async function readSegmentDuration(reader: HeaderReader, info: Element): Promise<Declared> {
  let scaleNs = DEFAULT_TIMESTAMP_SCALE_NS;
  let duration: number | undefined;
  for await (const element of elements(reader, info.payload, endOf(info))) {
    if (element.id === TIMESTAMP_SCALE_ID) scaleNs = await readUnsigned(reader, element);
    else if (element.id === DURATION_ID) duration = await readFloat(reader, element);
  }
  // Live recordings (a browser's MediaRecorder) write no Duration: it is unknown until the file is rewritten.
  return duration === undefined ? {} : { durationMs: Math.round((duration * scaleNs) / 1_000_000) };
}

async function readVideoFrame(reader: HeaderReader, tracks: Element): Promise<Declared> {
  for await (const entry of elements(reader, tracks.payload, endOf(tracks))) {
    if (entry.id !== TRACK_ENTRY_ID) continue;
    let type = 0;
    let frame: Declared = {};
    for await (const element of elements(reader, entry.payload, endOf(entry))) {
      if (element.id === TRACK_TYPE_ID) type = await readUnsigned(reader, element);
      else if (element.id === VIDEO_ID) frame = await readPixelSize(reader, element);
    }
    if (type === VIDEO_TRACK_TYPE) return frame;
  }
  return {};
}

async function readPixelSize(reader: HeaderReader, video: Element): Promise<Declared> {
  const frame: Declared = {};
  for await (const element of elements(reader, video.payload, endOf(video))) {
    if (element.id === PIXEL_WIDTH_ID) frame.width = await readUnsigned(reader, element);
    else if (element.id === PIXEL_HEIGHT_ID) frame.height = await readUnsigned(reader, element);
  }
  return frame;
}

function endOf(element: Element): number {
  if (element.end === null) throw new UnreadableHeaderError(`The element 0x${element.id.toString(16)} has no size`);
  return element.end;
}
