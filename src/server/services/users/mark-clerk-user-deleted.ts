import type { Db } from "~/server/db-client";
import { writeAudit } from "~/server/services/audit/write-audit";
import { placeholderClerkEmail } from "~/server/services/users/clerk-identity";

/**
 * user.deleted: the row is kept (restaurants and audit entries point at it) and marked deleted, which signs
 * the user out on their next request. Returns whether this call made the change, so replays are no-ops.
 */
export async function markClerkUserDeleted(db: Db, clerkUserId: string, now: Date): Promise<boolean> {
  const key = { authProvider: "CLERK" as const, authUserId: clerkUserId };
  return db.$transaction(async (tx) => {
    // Svix does not guarantee order: the deletion may arrive before the user's first request or before
    // user.created. A tombstone row makes the later request and the late user.created see a deleted user.
    // ON CONFLICT DO NOTHING (skipDuplicates) instead of catching P2002, which would abort the transaction.
    await tx.user.createMany({ data: [{ ...key, email: placeholderClerkEmail(clerkUserId) }], skipDuplicates: true });
    // The conditional update is the claim: of two concurrent deliveries only one sees deletedAt still null.
    const { count } = await tx.user.updateMany({ where: { ...key, deletedAt: null }, data: { deletedAt: now } });
    if (count === 0) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { authProvider_authUserId: key }, select: { id: true } });
    await writeAudit(tx, {
      actorId: null,
      action: "user.deleted",
      targetType: "user",
      targetId: user.id,
      before: { deletedAt: null },
      after: { deletedAt: now.toISOString() },
      reason: "Deleted in Clerk",
    });
    return true;
  });
}
