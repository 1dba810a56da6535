import { PageLoading } from "~/components/feedback/page-loading";

export default function AdminEmailsLoading() {
  return <PageLoading label="Loading emails" />;
}
