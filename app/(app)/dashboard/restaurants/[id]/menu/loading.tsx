import { PageLoading } from "~/components/feedback/page-loading";

export default function MenuLoading() {
  return <PageLoading label="Loading the menu" />;
}
