import { z } from "zod";
import { getSession } from "~/server/auth/get-session";
import { db } from "~/server/db";
import { runAsOwner } from "~/server/db/db-scope";
import { DomainError } from "~/server/errors";
import { menuBaseUrlFrom } from "~/lib/menu-url";
import { TABLES_PER_RESTAURANT_MAX } from "~/schemas/tables";
import { qrCardsPdf } from "~/server/services/tables/qr-cards-pdf";
import { findCardTargets } from "~/server/services/tables/qr-downloads";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/qr/<restaurantId>/cards.pdf[?tables=<id>,<id>]: A4 sheets of cards to print and cut.
type Context = { params: Promise<{ restaurant: string }> };

const tablesSchema = z
  .string()
  .transform((list) => list.split(",").map((id) => id.trim()))
  .pipe(z.array(z.uuid("Unknown table")).min(1).max(TABLES_PER_RESTAURANT_MAX, `At most ${TABLES_PER_RESTAURANT_MAX} tables`));

const fail = (status: number, error: string) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const session = await getSession(db);
  if (!session) return fail(401, "Sign in to download QR codes");
  const { restaurant: restaurantId } = await params;
  if (!z.uuid().safeParse(restaurantId).success) return fail(404, "Not found");
  const tablesParam = new URL(request.url).searchParams.get("tables");
  const tables = tablesParam === null ? null : tablesSchema.safeParse(tablesParam);
  if (tables && !tables.success) return fail(400, tables.error.issues[0]?.message ?? "Unknown table");

  try {
    const baseUrl = menuBaseUrlFrom(request.headers, new URL(request.url).host);
    const target = await runAsOwner(session.userId, () => findCardTargets(db, session.userId, restaurantId, tables?.data ?? null, baseUrl));
    const pdf = await qrCardsPdf(target.restaurantName, target.cards);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${target.fileName}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "NOT_FOUND") return fail(404, error.message);
    throw error;
  }
}
