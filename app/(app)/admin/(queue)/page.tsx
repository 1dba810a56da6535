import type { Metadata } from "next";
import { api } from "~/trpc/server";
import { ReviewQueue } from "~/components/admin/review-queue";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/components/auth/current-user";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  await requireAdmin("/admin");
  const queue = await api.admin.reviewQueue();
  return (
    <>
      <PageHeader
        title="Review queue"
        description={
          queue.length === 0
            ? "Restaurants waiting for a decision, oldest first."
            : `${queue.length} ${queue.length === 1 ? "restaurant is" : "restaurants are"} waiting for a decision, oldest first.`
        }
      />
      <ReviewQueue items={queue} now={new Date()} />
    </>
  );
}
