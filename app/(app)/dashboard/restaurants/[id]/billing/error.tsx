"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function BillingError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="Billing could not be loaded" homeHref="/dashboard" homeLabel="Back to your restaurants" />;
}
