import { NotFoundContent } from "~/components/feedback/not-found-content";

export default function AdminNotFound() {
  return <NotFoundContent backHref="/admin/restaurants" backLabel="Back to all restaurants" />;
}
