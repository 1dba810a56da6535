"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="px-4">
      <RouteError error={error} retry={retry} />
    </main>
  );
}
