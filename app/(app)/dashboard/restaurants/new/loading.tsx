import { PageLoading } from "~/components/feedback/page-loading";

export default function NewRestaurantLoading() {
  return <PageLoading label="Loading the form" layout="form" />;
}
