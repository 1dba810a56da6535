import { PageLoading } from "~/components/feedback/page-loading";

export default function DashboardLoading() {
  return <PageLoading label="Loading your restaurants" />;
}
