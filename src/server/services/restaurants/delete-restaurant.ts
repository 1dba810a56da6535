import { publishMenuChange } from "~/server/cache/menu-cache";
import type { Db } from "~/server/db-client";
import { invalidInput, invalidState, notFound } from "~/server/errors";
import { requestFileDeletions } from "~/server/jobs/request-file-deletions";
import { writeAudit } from "~/server/services/audit/write-audit";
import { enqueueProductFiles } from "~/server/services/files/file-deletions";
import { restaurantSnapshot } from "./restaurant-snapshot";

const sameName = (typed: string, name: string) => typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

/**
 * Deletes a restaurant with its whole menu. Every photo, video and 3D model file is queued in the same
 * transaction and removed from its provider by the file-deletions job; the audit entry keeps what it was.
 * A suspended restaurant stays, as the evidence behind the suspension, until an admin has decided on it.
 */
export async function deleteOwnerRestaurant(db: Db, ownerId: string, restaurantId: string, confirmName: string) {
  const deleted = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Restaurant" WHERE id = ${restaurantId}::uuid AND "ownerId" = ${ownerId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("Restaurant");
    const restaurant = await tx.restaurant.findUniqueOrThrow({ where: { id: restaurantId } });
    if (restaurant.reviewState === "SUSPENDED") throw invalidState("A suspended restaurant cannot be deleted; contact support");
    if (!sameName(confirmName, restaurant.name)) {
      throw invalidInput("The name does not match; nothing was deleted", { confirmName: [`Type "${restaurant.name}" to confirm`] });
    }
    const products = await tx.product.findMany({ where: { restaurantId }, select: { id: true } });
    await enqueueProductFiles(tx, restaurantId, products.map((product) => product.id));
    await publishMenuChange(tx, restaurantId);
    await tx.restaurant.delete({ where: { id: restaurantId } });
    await writeAudit(tx, {
      actorId: ownerId,
      action: "restaurant.deleted",
      targetType: "restaurant",
      targetId: restaurantId,
      before: { ...restaurantSnapshot(restaurant), products: products.length },
    });
    return restaurant;
  });
  requestFileDeletions();
  return { deleted: true as const, name: deleted.name };
}
