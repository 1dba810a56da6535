import { PageLoading } from "~/components/feedback/page-loading";

export default function AdminUsersLoading() {
  return <PageLoading label="Loading users" />;
}
