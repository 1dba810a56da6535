import "server-only";
import { authMode } from "~/env.js";
import type { Db } from "~/server/db-client";
import type { Session } from "~/server/auth/session";

export async function getSession(db: Db): Promise<Session | null> {
  if (authMode() === "clerk") {
    const { getClerkSession } = await import("~/server/auth/clerk-driver");
    return getClerkSession(db);
  }
  const { getLocalSession } = await import("~/server/auth/local-driver");
  return getLocalSession(db);
}
