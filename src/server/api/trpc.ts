import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "~/server/db-client";
import type { Session } from "~/server/auth/session";
import { DomainError, PaymentRequiredError, type DomainErrorKind } from "~/server/errors";
import { rateLimit } from "~/server/rate-limit/rate-limiters";
import { RateLimitedError } from "~/server/rate-limit/rate-limited-error";
import { runAsOwner, runAsSystem } from "~/server/db/db-scope";
import { afterMenuEdit } from "~/server/services/menu/menu-edited";

export type Context = {
  db: Db;
  session: Session | null;
  requestId: string;
  /** Injected so that every rule that depends on the time can be tested at any time. */
  now: () => Date;
};

const DOMAIN_TO_TRPC: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  FORBIDDEN: "FORBIDDEN",
  INVALID_INPUT: "BAD_REQUEST",
  PAYMENT_REQUIRED: "PAYMENT_REQUIRED",
};

export type FieldErrors = Record<string, string[] | undefined>;

function fieldErrorsOf(cause: unknown): FieldErrors | null {
  if (cause instanceof ZodError) {
    const flat = z.flattenError(cause);
    return flat.fieldErrors as FieldErrors;
  }
  if (cause instanceof DomainError && cause.fieldErrors) return cause.fieldErrors;
  return null;
}

function formErrorsOf(cause: unknown): string[] {
  return cause instanceof ZodError ? z.flattenError(cause).formErrors : [];
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const isInternal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      // Internal errors may carry SQL or stack details; a person gets a plain sentence instead.
      message: isInternal ? "Something went wrong on our side. Please try again." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: fieldErrorsOf(error.cause),
        formErrors: formErrorsOf(error.cause),
        // Where the owner can pay, for a "payment required" refusal; the client links to it.
        billingPath: error.cause instanceof PaymentRequiredError ? error.cause.billingPath : null,
        // How long a rate-limited caller should wait, in seconds; the HTTP answer carries it as Retry-After too.
        retryAfterSeconds: error.cause instanceof RateLimitedError ? error.cause.retryAfterSeconds : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// The one place where business errors become protocol errors.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.kind], message: cause.message, cause });
  }
  return result;
});

// Zod's own messages are written for developers; this names the problem in one sentence for the form.
const validationMessages = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "BAD_REQUEST" && result.error.cause instanceof ZodError) {
    const flat = z.flattenError(result.error.cause);
    const first = Object.entries(flat.fieldErrors as FieldErrors).find(([, messages]) => messages?.length);
    const message = first ? `${first[0]}: ${first[1]?.[0]}` : (flat.formErrors[0] ?? "The request is not valid");
    throw new TRPCError({ code: "BAD_REQUEST", message, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors).use(validationMessages);

// A signed-in user's database work runs in their scope, where row-level security hides every other owner's rows.
// Mutations are counted per user (every one needs a session), wherever the user connects from; queries are not
// limited: they change nothing and the dashboard's pages make many of them.
export const protectedProcedure = publicProcedure
  .use(({ ctx, next }) => {
    const session = ctx.session;
    if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    return runAsOwner(session.userId, () => next({ ctx: { ...ctx, session } }));
  })
  .use(async ({ ctx, type, next }) => {
    if (type !== "mutation") return next();
    const decision = await rateLimit("mutations", `user:${ctx.session.userId}`);
    if (!decision.allowed) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: decision.message,
        cause: new RateLimitedError(decision.message, decision.retryAfterSeconds),
      });
    }
    return next();
  });

// Admins act on every restaurant: their procedures take the explicit bypass of row-level security.
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.session.role !== "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Only admins can do this" });
  return runAsSystem(() => next());
});

// Tenancy: the restaurant is looked up together with its owner, so another owner's id is simply not found.
export const ownerRestaurantProcedure = protectedProcedure
  .input(z.object({ restaurantId: z.uuid("Unknown restaurant") }))
  .use(async ({ ctx, input, next }) => {
    const restaurant = await ctx.db.restaurant.findFirst({
      where: { id: input.restaurantId, ownerId: ctx.session.userId },
      select: { id: true, reviewState: true },
    });
    if (!restaurant) throw new TRPCError({ code: "NOT_FOUND", message: "Restaurant not found" });
    return next({ ctx: { ...ctx, restaurant } });
  });

// The menu of a suspended restaurant is frozen until an admin restores it. Every successful edit announces the
// change to the cached public menu and queues the usage report here, once, so no menu procedure can forget to.
export const menuEditProcedure = ownerRestaurantProcedure.use(async ({ ctx, next }) => {
  if (ctx.restaurant.reviewState === "SUSPENDED") {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This restaurant is suspended; its menu cannot be changed" });
  }
  const result = await next();
  if (result.ok) await afterMenuEdit(ctx.db, ctx.restaurant.id);
  return result;
});
