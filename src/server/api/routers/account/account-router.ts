import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";

export const accountRouter = createTRPCRouter({
  // Public on purpose: the header asks it on every page to show "Sign in" or the user's name.
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.session) return null;
    return ctx.db.user.findUnique({
      where: { id: ctx.session.userId },
      select: { id: true, email: true, name: true, role: true },
    });
  }),
});
