import { PageLoading } from "~/components/feedback/page-loading";

export default function AdminLoading() {
  return <PageLoading label="Loading the review queue" />;
}
