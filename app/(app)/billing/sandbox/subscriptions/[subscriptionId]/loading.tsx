import { PageLoading } from "~/components/feedback/page-loading";

export default function SandboxSubscriptionLoading() {
  return <PageLoading label="Loading the subscription" layout="detail" />;
}
