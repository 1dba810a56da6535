import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createRequestContext } from "~/server/api/context";
import { logTrpcError } from "~/server/api/log-trpc-error";
import { RateLimitedError } from "~/server/rate-limit/rate-limited-error";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers),
    // Echoed so that a person reporting a failure can quote the id we log it under.
    responseMeta: ({ ctx, errors }) => {
      const headers = new Headers();
      if (ctx) headers.set("x-request-id", ctx.requestId);
      // A rate-limited call (429) tells the client when to try again, as the route handlers' 429s do.
      const limited = errors.find((error) => error.cause instanceof RateLimitedError);
      if (limited?.cause instanceof RateLimitedError) headers.set("Retry-After", String(limited.cause.retryAfterSeconds));
      return { headers };
    },
    onError: logTrpcError,
  });

export { handler as GET, handler as POST };
