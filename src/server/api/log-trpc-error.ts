import type { TRPCError } from "@trpc/server";
import type { Context } from "./trpc";
import { requestLogger } from "./request-logger";

type FailedCall = { error: TRPCError; path: string | undefined; type: string; input: unknown; ctx: Context | undefined };

// Most procedures of the dashboard take the restaurant they act on; naming it lets one tenant's failures be found.
function restaurantIdOf(input: unknown): string | undefined {
  if (typeof input !== "object" || input === null || !("restaurantId" in input)) return undefined;
  const { restaurantId } = input;
  return typeof restaurantId === "string" ? restaurantId.slice(0, 64) : undefined;
}

/**
 * The tRPC handler's onError: a 500 is a bug or an outage, logged with what finds it again (request id, user,
 * procedure, restaurant). The other codes are answers to the caller (bad input, not found, rate limited), not
 * failures of ours; the input itself is never logged, it may hold anything a person typed.
 */
export function logTrpcError({ error, path, type, input, ctx }: FailedCall): void {
  if (error.code !== "INTERNAL_SERVER_ERROR") return;
  requestLogger(ctx).error(
    { err: error.cause ?? error, path: path ?? null, type, restaurantId: restaurantIdOf(input) ?? null },
    `tRPC ${path ?? "?"} failed`,
  );
}
