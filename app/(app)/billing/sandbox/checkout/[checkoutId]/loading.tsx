import { PageLoading } from "~/components/feedback/page-loading";

export default function SandboxCheckoutLoading() {
  return <PageLoading label="Loading the checkout" layout="form" />;
}
