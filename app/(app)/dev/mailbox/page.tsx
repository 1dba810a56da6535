import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { emailDriver } from "~/env.js";
import { firstParam, type SearchParams } from "~/lib/search-params";
import { configuredMailboxDir } from "~/server/integrations/email/configured-email-sender";
import { loadMailbox } from "~/server/services/email/mailbox";
import { requireUser } from "~/components/auth/current-user";
import { MailboxView } from "~/components/mailbox/mailbox-view";
import { PageHeader } from "~/components/ui/page-header";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Layouts and pages render concurrently, so the page checks for itself too.
  if (emailDriver() !== "local") notFound();
  const user = await requireUser("/dev/mailbox");
  const { messages, selected, everyone } = await loadMailbox(configuredMailboxDir(), user, firstParam(await searchParams, "message"));
  return (
    <>
      <PageHeader
        title="Mailbox"
        description={
          everyone
            ? "Every email the app sent through the local mail driver (no RESEND_API_KEY is set), newest first."
            : "The emails the app sent to your address through the local mail driver, newest first."
        }
      />
      <MailboxView messages={messages} selected={selected} everyone={everyone} />
    </>
  );
}
