import { z } from "zod";
import { getSession } from "~/server/auth/get-session";
import { db } from "~/server/db";
import { runAsOwner } from "~/server/db/db-scope";
import { DomainError } from "~/server/errors";
import { domainErrorResponse, errorResponse } from "~/server/http/domain-error-response";
import { limitByUser } from "~/server/http/rate-limit-response";
import { requestLog } from "~/server/log/request-log";
import { requirePlan } from "~/server/services/billing/plan-guard";
import { mediaStorage, MediaStorageError } from "~/server/integrations/media";
import { UploadRefusedError } from "~/server/services/uploads/receive-body";
import { uploadProductMedia } from "~/server/services/media/upload-product-media";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// The file is the raw request body (what XMLHttpRequest sends with upload progress), so it streams to disk
// without a multipart parser; what it belongs to travels in the query.
const targetSchema = z.object({
  restaurantId: z.uuid("Unknown restaurant"),
  productId: z.uuid("Unknown product"),
});

const fail = (status: number, error: string) => errorResponse(status, error);

export async function POST(request: Request): Promise<Response> {
  const { log } = requestLog(request, { route: "uploads/media" });
  const session = await getSession(db);
  if (!session) return fail(401, "Sign in to upload photos and videos");
  const limited = await limitByUser(session.userId, "uploads");
  if (limited) return limited;
  const query = new URL(request.url).searchParams;
  const target = targetSchema.safeParse({ restaurantId: query.get("restaurantId"), productId: query.get("productId") });
  if (!target.success) return fail(400, target.error.issues[0]?.message ?? "Unknown product");

  try {
    const media = await runAsOwner(session.userId, async () => {
      // Before a byte of the file is read: an owner whose access has run out gets 402 with the way to the billing page.
      await requirePlan(db, { id: target.data.restaurantId, ownerId: session.userId }, "UPLOAD_FILES", new Date());
      return uploadProductMedia(db, mediaStorage(), { ownerId: session.userId, ...target.data }, request.body);
    });
    return Response.json(media, { status: 201 });
  } catch (error) {
    if (error instanceof UploadRefusedError) return fail(error.status, error.message);
    if (error instanceof DomainError) return domainErrorResponse(error);
    if (error instanceof MediaStorageError) {
      log.error({ err: error, userId: session.userId, restaurantId: target.data.restaurantId, productId: target.data.productId }, "Upload could not be stored");
      return fail(502, "The file could not be stored right now; try again in a moment");
    }
    throw error;
  }
}
