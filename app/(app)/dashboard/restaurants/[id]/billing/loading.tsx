import { PageLoading } from "~/components/feedback/page-loading";

export default function BillingLoading() {
  return <PageLoading label="Loading billing" layout="detail" />;
}
