// Assembles MP4/MOV boxes and WebM (EBML) elements byte by byte, so tests can build the headers real encoders
// write (with a known duration and frame size) and precisely broken ones, without committing video files.

export const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Big-endian unsigned 32-bit integers (negative numbers are written as their two's complement). */
export function u32(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  values.forEach((value, index) => new DataView(out.buffer).setUint32(index * 4, value >>> 0));
  return out;
}

export function u64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
}

// ISO base media (MP4) and QuickTime (MOV).

/** A box whose size field is `declaredSize` when given, so tests can make it lie. */
export function isoBox(type: string, parts: Uint8Array[], declaredSize?: number): Uint8Array<ArrayBuffer> {
  const body = concat(...parts);
  return concat(u32(declaredSize ?? 8 + body.length), ascii(type), body);
}

const fullBox = (type: string, version: number, parts: Uint8Array[]) => isoBox(type, [u32(version << 24), ...parts]);

const IDENTITY = [0x1_0000, 0, 0, 0, 0x1_0000, 0, 0, 0, 0x4000_0000];
// What a phone writes for a portrait recording: landscape frames turned by 90°.
const QUARTER_TURN = [0, 0x1_0000, 0, -0x1_0000, 0, 0, 0, 0, 0x4000_0000];

export function fileTypeBox(major: string, ...compatible: string[]): Uint8Array {
  return isoBox("ftyp", [ascii(major), u32(0), ...compatible.map(ascii)]);
}

function mediaDataBox(bytes: number): Uint8Array {
  return isoBox("mdat", [new Uint8Array(bytes).fill(0xa5)]);
}

type Track = { handler: string; width: number; height: number; quarterTurn?: boolean };

function trackBox(id: number, version: 0 | 1, track: Track): Uint8Array {
  const matrix = u32(...(track.quarterTurn ? QUARTER_TURN : IDENTITY));
  // Enabled, in the movie; the times and duration are not read, so they stay 0.
  const times = version === 1 ? [u64(0n), u64(0n), u32(id, 0), u64(0n)] : [u32(0, 0, id, 0, 0)];
  const tkhd = isoBox("tkhd", [u32((version << 24) | 3), ...times, u32(0, 0, 0, 0), matrix, u32(track.width * 0x1_0000, track.height * 0x1_0000)]);
  const hdlr = fullBox("hdlr", 0, [u32(0), ascii(track.handler), u32(0, 0, 0), ascii("Handler\0")]);
  const mdhd = fullBox("mdhd", 0, [u32(0, 0, 1000, 0), u32(0x55c4_0000)]);
  return isoBox("trak", [tkhd, isoBox("mdia", [mdhd, hdlr, isoBox("minf", [])])]);
}

export type MovieOptions = {
  timescale: number;
  /** In timescale units; a bigint when it needs a version 1 mvhd. */
  duration: number | bigint;
  width: number;
  height: number;
  quarterTurn?: boolean;
  /** Adds mvex (a fragmented movie), with mehd when this is a number. */
  fragmentDuration?: number | null;
  /** Tracks before the video's: audio, subtitles. */
  otherTracks?: Track[];
};

export function movieBox(options: MovieOptions): Uint8Array<ArrayBuffer> {
  const version = typeof options.duration === "bigint" ? 1 : 0;
  const times =
    version === 1 ? [u64(0n), u64(0n), u32(options.timescale), u64(BigInt(options.duration))] : [u32(0, 0, options.timescale, Number(options.duration))];
  const mvhd = fullBox("mvhd", version, [...times, u32(0x1_0000), u32(0x0100_0000, 0, 0), u32(...IDENTITY), new Uint8Array(24), u32(9)]);
  const tracks = [...(options.otherTracks ?? []), { handler: "vide", width: options.width, height: options.height, quarterTurn: options.quarterTurn }];
  const mvex =
    options.fragmentDuration === undefined
      ? []
      : [isoBox("mvex", [...(options.fragmentDuration === null ? [] : [fullBox("mehd", 0, [u32(options.fragmentDuration)])]), fullBox("trex", 0, [u32(1, 1, 0, 0, 0)])])];
  return isoBox("moov", [mvhd, ...tracks.map((track, index) => trackBox(index + 1, version, track)), ...mvex, isoBox("udta", [])]);
}

/** An MP4 (or, with major "qt  ", a MOV) with its moov first, as a "fast start" file, or after the media data. */
export function isoVideo(options: MovieOptions & { major?: string; moovLast?: boolean; mediaBytes?: number }): Uint8Array<ArrayBuffer> {
  const major = options.major ?? "mp42";
  const ftyp = fileTypeBox(major, major, "isom");
  const moov = movieBox(options);
  const mdat = mediaDataBox(options.mediaBytes ?? 256);
  return options.moovLast ? concat(ftyp, mdat, moov) : concat(ftyp, moov, mdat);
}

// Matroska (WebM).

export const EBML = {
  header: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
  timestamp: 0xe7,
  simpleBlock: 0xa3,
  void: 0xec,
} as const;

/** The size "unknown", as live recordings write it for the Segment and Clusters. */
export const UNKNOWN_SIZE = Uint8Array.of(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);

function sizeVint(size: number): Uint8Array {
  let width = 1;
  // A value of all ones means "unknown", so it needs the next width.
  while (size >= 2 ** (7 * width) - 1) width++;
  const out = new Uint8Array(width);
  let rest = size;
  for (let index = width - 1; index >= 0; index--) {
    out[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (width - 1);
  return out;
}

/** An element; IDs are written as they are numbered, length marker included. */
export function element(id: number, parts: Uint8Array[], size?: Uint8Array): Uint8Array<ArrayBuffer> {
  const idBytes = id > 0xff_ffff ? 4 : id > 0xffff ? 3 : id > 0xff ? 2 : 1;
  const body = concat(...parts);
  return concat(u32(id).subarray(4 - idBytes), size ?? sizeVint(body.length), body);
}

export function uintElement(id: number, value: number): Uint8Array {
  const bytes: number[] = [];
  for (let rest = value; bytes.length === 0 || rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return element(id, [Uint8Array.from(bytes)]);
}

export function floatElement(id: number, value: number, width: 4 | 8 = 8): Uint8Array {
  const out = new Uint8Array(width);
  const view = new DataView(out.buffer);
  if (width === 4) view.setFloat32(0, value);
  else view.setFloat64(0, value);
  return element(id, [out]);
}

export type WebmOptions = {
  width: number;
  height: number;
  /** In timestamp units (milliseconds by default); omitted as a browser's MediaRecorder omits it. */
  duration?: number;
  timestampScaleNs?: number;
  durationWidth?: 4 | 8;
  /** Segment and Cluster of unknown size, as a live recording writes them. */
  live?: boolean;
};

export function webmVideo(options: WebmOptions): Uint8Array<ArrayBuffer> {
  const header = element(EBML.header, [uintElement(0x4286, 1), element(EBML.docType, [ascii("webm")]), uintElement(0x4287, 4), uintElement(0x4285, 2)]);
  const info = element(EBML.info, [
    ...(options.timestampScaleNs === undefined ? [] : [uintElement(EBML.timestampScale, options.timestampScaleNs)]),
    element(0x4d80, [ascii("Lavf")]),
    ...(options.duration === undefined ? [] : [floatElement(EBML.duration, options.duration, options.durationWidth)]),
  ]);
  const audio = element(EBML.trackEntry, [uintElement(0xd7, 1), uintElement(EBML.trackType, 2), element(0x86, [ascii("A_OPUS")])]);
  const video = element(EBML.trackEntry, [
    uintElement(0xd7, 2),
    uintElement(EBML.trackType, 1),
    element(0x86, [ascii("V_VP9")]),
    element(EBML.video, [uintElement(EBML.pixelWidth, options.width), uintElement(EBML.pixelHeight, options.height)]),
  ]);
  const tracks = element(EBML.tracks, [audio, video]);
  // Track 2, timestamp 0, a keyframe, then stand-in frame bytes.
  const block = element(EBML.simpleBlock, [Uint8Array.of(0x82, 0, 0, 0x80), new Uint8Array(200).fill(0x5a)]);
  const cluster = element(EBML.cluster, [uintElement(EBML.timestamp, 0), block], options.live ? UNKNOWN_SIZE : undefined);
  const segment = element(EBML.segment, [element(EBML.void, [new Uint8Array(16)]), info, tracks, cluster], options.live ? UNKNOWN_SIZE : undefined);
  return concat(header, segment);
}
