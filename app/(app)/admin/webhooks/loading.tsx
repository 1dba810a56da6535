import { PageLoading } from "~/components/feedback/page-loading";

export default function AdminWebhooksLoading() {
  return <PageLoading label="Loading webhook events" />;
}
