import { TRPCError } from "@trpc/server";
import { LemonSqueezyApiError } from "~/server/integrations/lemon-squeezy/lemon-squeezy-client";
import { logger } from "~/server/log/logger";

type Result = { ok: true } | { ok: false; error: { cause?: unknown } };

/**
 * Lemon Squeezy refusing or failing a call is not our server's failure: the owner gets its message (502), which the
 * generic "something went wrong" of an internal error would hide, and it is logged for us.
 */
export async function withLemonSqueezyErrors<T extends Result>(next: () => Promise<T>): Promise<T> {
  const result = await next();
  if (!result.ok && result.error.cause instanceof LemonSqueezyApiError) {
    logger.warn({ err: result.error.cause }, "Lemon Squeezy call failed");
    throw new TRPCError({ code: "BAD_GATEWAY", message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
}
