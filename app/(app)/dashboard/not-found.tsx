import { NotFoundContent } from "~/components/feedback/not-found-content";

export default function DashboardNotFound() {
  return <NotFoundContent backHref="/dashboard" backLabel="Back to your restaurants" />;
}
