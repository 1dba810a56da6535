"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function AdminWebhooksError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The webhook events could not be loaded" homeHref="/admin" homeLabel="Back to the review queue" />;
}
