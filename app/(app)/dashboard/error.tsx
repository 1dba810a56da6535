"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="Your dashboard could not be loaded" />;
}
