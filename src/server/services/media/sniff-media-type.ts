export type MediaKind = "IMAGE" | "VIDEO";
export type MediaFormat = "jpeg" | "png" | "webp" | "gif" | "avif" | "mp4" | "mov" | "webm";
export type SniffedMedia = { kind: MediaKind; format: MediaFormat; contentType: string };
export type SniffResult = { ok: true; media: SniffedMedia } | { ok: false; message: string };

/** Enough bytes for every signature below, including an ftyp box's compatible brands and the EBML DocType. */
export const SNIFF_BYTES = 64;

const ACCEPTED = "upload a JPEG, PNG, WebP, GIF or AVIF photo, or an MP4, MOV or WebM video";

const image = (format: MediaFormat, contentType: string): SniffResult => ({ ok: true, media: { kind: "IMAGE", format, contentType } });
const video = (format: MediaFormat, contentType: string): SniffResult => ({ ok: true, media: { kind: "VIDEO", format, contentType } });
const refuse = (what: string): SniffResult => ({ ok: false, message: `This file looks like ${what}; ${ACCEPTED}` });

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

// HEIC needs an HEVC decoder, which the libvips bundled with sharp leaves out (patents): sharp here decodes AVIF
// but not HEIC, so an iPhone's HEIC photo is refused up front instead of failing later as "corrupt".
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
const MP4_BRANDS = new Set(["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV", "NDAS"]);

function sniffIsoMedia(bytes: Uint8Array): SniffResult {
  const major = ascii(bytes, 8, 12);
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  const brandsEnd = Math.min(bytes.length, Math.max(16, boxSize));
  const brands = [major];
  for (let offset = 16; offset + 4 <= brandsEnd; offset += 4) brands.push(ascii(bytes, offset, offset + 4));

  if (brands.includes("avif") || brands.includes("avis")) return image("avif", "image/avif");
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return refuse("a HEIC photo, which cannot be read here (export it as JPEG)");
  if (major === "qt  ") return video("mov", "video/quicktime");
  // Audio files list mp42 among their brands too; the major brand says what they are.
  if (major === "M4A " || major === "M4B ") return refuse("an audio file (M4A)");
  if (brands.some((brand) => MP4_BRANDS.has(brand))) return video("mp4", "video/mp4");
  if (major.startsWith("3g")) return refuse("a 3GP video");
  return refuse(`an ISO media file of the unsupported kind "${major.trim()}"`);
}

/** The media type of a file from its first bytes (at least SNIFF_BYTES of them, unless the file is shorter). */
export function sniffMediaType(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, message: `The file is empty; ${ACCEPTED}` };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image("jpeg", "image/jpeg");
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image("png", "image/png");
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return image("gif", "image/gif");
  if (ascii(bytes, 0, 4) === "RIFF") {
    const form = ascii(bytes, 8, 12);
    if (form === "WEBP") return image("webp", "image/webp");
    if (form === "AVI ") return refuse("an AVI video");
    if (form === "WAVE") return refuse("a WAV audio file");
    return refuse("a RIFF file");
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") return sniffIsoMedia(bytes);
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // Both are EBML; the DocType near the start says which. Matroska (.mkv) is not played by every browser.
    return ascii(bytes, 0, bytes.length).includes("webm") ? video("webm", "video/webm") : refuse("a Matroska (MKV) video");
  }
  return refuse(describeOther(bytes));
}

function describeOther(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, Math.min(bytes.length, 16));
  const text = head.trimStart().toLowerCase();
  if (head.startsWith("%PDF")) return "a PDF document";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "a ZIP archive (or an Office document)";
  if (head.startsWith("glTF")) return "a 3D model (GLB); upload models in the 3D model section";
  if (text.startsWith("<svg") || text.startsWith("<?xml")) return "an SVG or XML file";
  if (text.startsWith("<!doctype") || text.startsWith("<html")) return "an HTML page";
  if (head.startsWith("BM")) return "a BMP image";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "a TIFF image";
  if (head.startsWith("ID3") || startsWith(bytes, [0xff, 0xfb])) return "an MP3 audio file";
  if (head.startsWith("OggS")) return "an Ogg audio or video file";
  if (startsWith(bytes, [0x1f, 0x8b])) return "a gzip archive";
  if (head.startsWith("MZ") || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "a program";
  return "none of the supported photo or video formats";
}
