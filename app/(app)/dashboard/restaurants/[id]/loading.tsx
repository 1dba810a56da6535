import { PageLoading } from "~/components/feedback/page-loading";

export default function RestaurantSettingsLoading() {
  return <PageLoading label="Loading the restaurant" layout="detail" />;
}
