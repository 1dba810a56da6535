"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function AuditLogError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The audit log could not be loaded" homeHref="/admin" homeLabel="Back to the review queue" />;
}
