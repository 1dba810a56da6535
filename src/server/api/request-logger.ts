import { logger, type Logger } from "~/server/log/logger";
import type { Context } from "./trpc";

/** The child logger of one tRPC request: its id, and the signed-in user when there is one. */
export function requestLogger(ctx: Pick<Context, "requestId" | "session"> | undefined): Logger {
  if (!ctx) return logger;
  return logger.child({ requestId: ctx.requestId, userId: ctx.session?.userId ?? null });
}
