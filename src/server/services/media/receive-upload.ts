import { receiveBody, UploadRefusedError } from "~/server/services/uploads/receive-body";
import { mediaByteLimit, tooLargeMessage } from "./media-limits";
import { SNIFF_BYTES, sniffMediaType, type SniffedMedia } from "./sniff-media-type";

/** Streams a photo or video to `target`, refusing it unless its first bytes are a type we accept. */
export async function receiveUpload(body: ReadableStream<Uint8Array>, target: string): Promise<{ media: SniffedMedia; bytes: number }> {
  let media: SniffedMedia | undefined;
  const { bytes } = await receiveBody(body, target, {
    headBytes: SNIFF_BYTES,
    inspect(head) {
      const sniffed = sniffMediaType(head);
      if (!sniffed.ok) throw new UploadRefusedError(415, sniffed.message);
      media = sniffed.media;
      const limit = mediaByteLimit(media.kind);
      return { limit, tooLarge: tooLargeMessage(media.kind, limit) };
    },
  });
  if (!media) throw new Error("The upload was received without being inspected");
  return { media, bytes };
}
