import { PageLoading } from "~/components/feedback/page-loading";

export default function ProductLoading() {
  return <PageLoading label="Loading the product" layout="form" />;
}
