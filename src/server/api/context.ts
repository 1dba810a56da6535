import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "~/server/db";
import { getSession } from "~/server/auth/get-session";
import type { Context } from "~/server/api/trpc";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export async function createRequestContext(headers: Headers): Promise<Context> {
  const incoming = headers.get("x-request-id");
  return {
    db,
    session: await getSession(db),
    requestId: incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID(),
    now: () => new Date(),
  };
}
