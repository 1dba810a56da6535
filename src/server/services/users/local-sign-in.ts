import type { Db } from "~/server/db-client";
import { notFound } from "~/server/errors";
import type { LocalSignInInput } from "~/schemas/local-sign-in";
import { findOrCreateUser } from "~/server/services/users/find-or-create-user";

export async function localSignIn(db: Db, input: LocalSignInInput, adminEmails: readonly string[]) {
  if ("userId" in input) {
    const user = await db.user.findFirst({ where: { id: input.userId, authProvider: "LOCAL", deletedAt: null } });
    if (!user) throw notFound("User");
    if (adminEmails.includes(user.email) && user.role !== "ADMIN") {
      return db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    }
    return user;
  }
  const user = await findOrCreateUser(db, { authProvider: "LOCAL", authUserId: input.email, email: input.email, name: input.name }, adminEmails);
  // A deleted account keeps its row (and email); signing it in would set a cookie no session accepts.
  if (user.deletedAt) throw notFound("User");
  return user;
}

export async function listLocalUsers(db: Db) {
  return db.user.findMany({
    where: { authProvider: "LOCAL", deletedAt: null },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    take: 20,
    select: { id: true, email: true, name: true, role: true },
  });
}
