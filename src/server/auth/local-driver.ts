import { cookies } from "next/headers";
import { env } from "~/env.js";
import type { Db } from "~/server/db-client";
import type { Session } from "~/server/auth/session";
import { LOCAL_SESSION_COOKIE, verifyLocalSession } from "~/server/auth/local-session-cookie";

export async function getLocalSession(db: Db): Promise<Session | null> {
  const token = (await cookies()).get(LOCAL_SESSION_COOKIE)?.value;
  const userId = await verifyLocalSession(token, env.AUTH_SECRET ?? "");
  if (!userId) return null;
  const user = await db.user.findFirst({
    where: { id: userId, authProvider: "LOCAL", deletedAt: null },
    select: { id: true, role: true },
  });
  return user ? { userId: user.id, role: user.role } : null;
}
