import { PageLoading } from "~/components/feedback/page-loading";

export default function AuditLogLoading() {
  return <PageLoading label="Loading the audit log" />;
}
