import { z } from "zod";
import { getSession } from "~/server/auth/get-session";
import { db } from "~/server/db";
import { runAsOwner } from "~/server/db/db-scope";
import { DomainError } from "~/server/errors";
import { domainErrorResponse, errorResponse } from "~/server/http/domain-error-response";
import { limitByUser } from "~/server/http/rate-limit-response";
import { requestLog } from "~/server/log/request-log";
import { requirePlan } from "~/server/services/billing/plan-guard";
import { modelStorage, ModelStorageError } from "~/server/integrations/model-storage";
import { uploadProductModel } from "~/server/services/models/upload-product-model";
import { UploadRefusedError } from "~/server/services/uploads/receive-body";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Like the photo route: the .glb is the raw request body, streamed to disk; what it belongs to is in the query.
const targetSchema = z.object({
  restaurantId: z.uuid("Unknown restaurant"),
  productId: z.uuid("Unknown product"),
});

const fail = (status: number, error: string) => errorResponse(status, error);

export async function POST(request: Request): Promise<Response> {
  const { log } = requestLog(request, { route: "uploads/model" });
  const session = await getSession(db);
  if (!session) return fail(401, "Sign in to upload 3D models");
  const limited = await limitByUser(session.userId, "uploads");
  if (limited) return limited;
  const query = new URL(request.url).searchParams;
  const target = targetSchema.safeParse({ restaurantId: query.get("restaurantId"), productId: query.get("productId") });
  if (!target.success) return fail(400, target.error.issues[0]?.message ?? "Unknown product");

  try {
    const model = await runAsOwner(session.userId, async () => {
      // Before a byte of the file is read: an owner whose access has run out gets 402 with the way to the billing page.
      await requirePlan(db, { id: target.data.restaurantId, ownerId: session.userId }, "UPLOAD_FILES", new Date());
      return uploadProductModel(db, modelStorage(), { ownerId: session.userId, ...target.data }, request.body);
    });
    return Response.json(model, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UploadRefusedError) return fail(error.status, error.message);
    if (error instanceof DomainError) return domainErrorResponse(error);
    if (error instanceof ModelStorageError) {
      log.error({ err: error, userId: session.userId, restaurantId: target.data.restaurantId, productId: target.data.productId }, "Upload could not be stored");
      return fail(502, "The model could not be stored right now; try again in a moment");
    }
    throw error;
  }
}
