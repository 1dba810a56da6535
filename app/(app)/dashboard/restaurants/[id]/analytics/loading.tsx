import { PageLoading } from "~/components/feedback/page-loading";

export default function AnalyticsLoading() {
  return <PageLoading label="Loading the analytics" layout="detail" />;
}
