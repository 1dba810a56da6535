import type { Db } from "~/server/db-client";
import { writeAudit } from "~/server/services/audit/write-audit";

/** Promotes every account with this email to ADMIN; returns how many accounts matched. */
export async function makeAdmin(db: Db, email: string, actorId: string | null = null): Promise<number> {
  return db.$transaction(async (tx) => {
    const users = await tx.user.findMany({ where: { email: email.toLowerCase(), deletedAt: null } });
    for (const user of users) {
      if (user.role === "ADMIN") continue;
      await tx.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
      await writeAudit(tx, {
        actorId,
        action: "user.promoted",
        targetType: "user",
        targetId: user.id,
        before: { role: user.role },
        after: { role: "ADMIN" },
      });
    }
    return users.length;
  });
}
