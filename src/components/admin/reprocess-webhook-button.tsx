"use client";

import { RotateCw } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { Button } from "~/components/ui/button";

const OUTCOME = {
  PROCESSED: "Processed",
  IGNORED: "Processed; it changed nothing",
  ALREADY_PROCESSED: "It was already processed meanwhile",
} as const;

/** "Re-process" a FAILED event: its stored payload is applied again, as Lemon Squeezy's retry would. */
export function ReprocessWebhookButton({ event }: { event: { id: string; eventName: string } }) {
  const utils = api.useUtils();
  const reprocess = api.admin.webhooks.reprocess.useMutation({
    onSuccess: async (result) => {
      if (result.status === "FAILED") toast.error(`It failed again: ${result.message ?? "no error was recorded"}`);
      else toast.success(result.message ? `${OUTCOME[result.status]}: ${result.message}` : OUTCOME[result.status]);
      await utils.admin.webhooks.list.invalidate();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <Button variant="secondary" size="sm" pending={reprocess.isPending} onClick={() => reprocess.mutate({ webhookEventId: event.id })}>
      <RotateCw aria-hidden className="size-4" />
      Re-process<span className="sr-only"> {event.eventName}</span>
    </Button>
  );
}
