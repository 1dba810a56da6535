import { PageLoading } from "~/components/feedback/page-loading";

export default function AdminRestaurantLoading() {
  return <PageLoading label="Loading the restaurant" layout="detail" />;
}
