import { adminProcedure, createTRPCRouter } from "~/server/api/trpc";
import { adminEmailListSchema, emailIdSchema } from "~/schemas/emails";
import { listEmailsForAdmin, resendEmail } from "~/server/services/email/admin-emails";

/** The email outbox for admins: `admin.emails.list` and `admin.emails.resend`. */
export const adminEmailsRouter = createTRPCRouter({
  list: adminProcedure.input(adminEmailListSchema).query(({ ctx, input }) => listEmailsForAdmin(ctx.db, input)),

  resend: adminProcedure.input(emailIdSchema).mutation(({ ctx, input }) => resendEmail(ctx.db, ctx.session.userId, input.emailId)),
});
