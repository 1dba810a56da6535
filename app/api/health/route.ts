import { db } from "~/server/db";
import { checkDatabase } from "~/server/services/health/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase(db);
  const healthy = database === "ok";
  return Response.json(
    { status: healthy ? "ok" : "degraded", db: database },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
