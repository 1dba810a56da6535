"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function AdminEmailsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The emails could not be loaded" homeHref="/admin" homeLabel="Back to the review queue" />;
}
