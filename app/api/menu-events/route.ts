import { db } from "~/server/db";
import { limitByClientIp } from "~/server/http/rate-limit-response";
import { readMenuEventRequest } from "~/server/services/analytics/menu-event-request";
import { recordMenuEvents } from "~/server/services/analytics/record-menu-events";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// The public menu's analytics beacon (sendBeacon or fetch keepalive). No cookies are read or set and nothing about
// the sender (IP, User-Agent) is stored: only daily counts. Every batch that is well formed gets the same empty 204,
// counted or not (bot, unknown restaurant, menu not live, foreign product), so the answer reveals nothing about
// which restaurants exist.
const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const limited = await limitByClientIp(request, "menuEvents");
  if (limited) return limited;
  const read = await readMenuEventRequest(request);
  if (read.kind === "refused") return Response.json({ error: read.message }, { status: read.status, headers: NO_STORE });
  if (read.kind === "batch") await recordMenuEvents(db, read.batch, new Date());
  return new Response(null, { status: 204, headers: NO_STORE });
}
