"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function MailboxError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The mailbox could not be read" />;
}
