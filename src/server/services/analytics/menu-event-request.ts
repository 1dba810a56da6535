import { isbot } from "isbot";
import { menuEventBatchSchema, type MenuEventBatch } from "~/schemas/menu-events";

/** A full batch of 50 product events is about 4 KB of JSON; anything near this is not our page's beacon. */
export const MENU_EVENT_BODY_LIMIT = 16 * 1024;

// sendBeacon sends a Blob with the Blob's type and a string as text/plain; fetch(keepalive) sends the Blob's type.
const ACCEPTED_TYPES = new Set(["application/json", "text/plain"]);

export type MenuEventRequest =
  | { kind: "batch"; batch: MenuEventBatch }
  /** Not a person reading the menu (a crawler, a link preview, a prefetch): answered like any beacon, not counted. */
  | { kind: "ignored" }
  | { kind: "refused"; status: 400 | 413 | 415; message: string };

class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes of the body, whatever Content-Length claims, and stops the sender past that. */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > limit) throw new BodyTooLarge();
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

/** Crawlers and headless tools by their User-Agent (isbot's maintained list); a request with none is not a browser. */
function isAutomated(headers: Headers): boolean {
  const userAgent = headers.get("user-agent")?.trim() ?? "";
  if (userAgent === "" || isbot(userAgent)) return true;
  // Speculative loads announce themselves; nobody has looked at the menu yet.
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""} ${headers.get("x-purpose") ?? ""}`.toLowerCase();
  return /\b(prefetch|prerender|preview)\b/.test(purpose);
}

/**
 * Decides what a POST to the menu-event beacon is: a batch to count, something to ignore quietly, or a refusal
 * with the status and a sentence saying what is wrong. Nothing here touches the database.
 */
export async function readMenuEventRequest(request: Request): Promise<MenuEventRequest> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPTED_TYPES.has(type)) {
    await request.body?.cancel().catch(() => undefined);
    return { kind: "refused", status: 415, message: "Send the events as JSON (Content-Type: application/json or text/plain)" };
  }
  if (isAutomated(request.headers)) {
    await request.body?.cancel().catch(() => undefined);
    return { kind: "ignored" };
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await readCapped(request.body, MENU_EVENT_BODY_LIMIT));
  } catch (error) {
    if (error instanceof BodyTooLarge) return { kind: "refused", status: 413, message: `Send at most ${MENU_EVENT_BODY_LIMIT / 1024} KB of events at once` };
    if (error instanceof TypeError) return { kind: "refused", status: 400, message: "The body is not valid UTF-8 text" };
    throw error;
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "refused", status: 400, message: "The body is not valid JSON" };
  }
  const parsed = menuEventBatchSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    return { kind: "refused", status: 400, message: where ? `${where}: ${issue?.message}` : (issue?.message ?? "The events are not valid") };
  }
  return { kind: "batch", batch: parsed.data };
}
