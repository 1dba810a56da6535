import { PageLoading } from "~/components/feedback/page-loading";

export default function AdminRestaurantsLoading() {
  return <PageLoading label="Loading restaurants" />;
}
