import { PageLoading } from "~/components/feedback/page-loading";

export default function MailboxLoading() {
  return <PageLoading label="Loading the mailbox" />;
}
