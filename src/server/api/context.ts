import "server-only";
import { db } from "~/server/db";
import { getSession } from "~/server/auth/get-session";
import type { Context } from "~/server/api/trpc";
import { requestIdOf } from "~/server/log/request-log";

export async function createRequestContext(headers: Headers): Promise<Context> {
  return {
    db,
    session: await getSession(db),
    requestId: requestIdOf(headers),
    now: () => new Date(),
  };
}
