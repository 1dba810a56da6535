import { z } from "zod";
import { getSession } from "~/server/auth/get-session";
import { db } from "~/server/db";
import { runAsOwner } from "~/server/db/db-scope";
import { DomainError } from "~/server/errors";
import { menuBaseUrlFrom } from "~/lib/menu-url";
import { qrPng, qrSvg } from "~/server/services/tables/qr-code";
import { findQrTarget } from "~/server/services/tables/qr-downloads";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/qr/<restaurantId>.png|.svg, and ?table=<tableId> for a table's code: the file the owner prints.
type Context = { params: Promise<{ restaurant: string }> };

const FILE_NAME = /^(?<restaurantId>[^.]+)\.(?<format>png|svg)$/;
const idSchema = z.uuid();

const fail = (status: number, error: string) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const session = await getSession(db);
  if (!session) return fail(401, "Sign in to download QR codes");
  const { restaurant: file } = await params;
  const { restaurantId = "", format } = FILE_NAME.exec(file)?.groups ?? {};
  if (!idSchema.safeParse(restaurantId).success) return fail(404, "Not found");
  const tableParam = new URL(request.url).searchParams.get("table");
  if (tableParam !== null && !idSchema.safeParse(tableParam).success) return fail(400, "Unknown table");

  try {
    const baseUrl = menuBaseUrlFrom(request.headers, new URL(request.url).host);
    const target = await runAsOwner(session.userId, () => findQrTarget(db, session.userId, restaurantId, tableParam, baseUrl));
    const svg = format === "svg";
    const body = svg ? await qrSvg(target.url) : new Uint8Array(await qrPng(target.url));
    return new Response(body, {
      headers: {
        "Content-Type": svg ? "image/svg+xml; charset=utf-8" : "image/png",
        "Content-Disposition": `attachment; filename="${target.fileName}.${svg ? "svg" : "png"}"`,
        // The code follows the restaurant's address, which its owner may change: never reuse an old one.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "NOT_FOUND") return fail(404, error.message);
    throw error;
  }
}
