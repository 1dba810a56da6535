"use client";

import { RotateCw } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import type { EmailStatusFilter } from "~/schemas/emails";
import { Button } from "~/components/ui/button";

/** "Resend": a failed message is queued again; a sent one goes out once more as a new message. */
export function ResendEmailButton({ email }: { email: { id: string; to: string; status: EmailStatusFilter } }) {
  const utils = api.useUtils();
  const resend = api.admin.emails.resend.useMutation({
    onSuccess: async (result) => {
      toast.success(result.copied ? `A new copy is queued for ${email.to}` : `Queued again for ${email.to}`);
      await utils.admin.emails.list.invalidate();
    },
    onError: (error) => toast.error(error.message),
  });
  if (email.status === "PENDING") return null;
  return (
    <Button variant="secondary" size="sm" pending={resend.isPending} onClick={() => resend.mutate({ emailId: email.id })}>
      <RotateCw aria-hidden className="size-4" />
      Resend<span className="sr-only"> the email to {email.to}</span>
    </Button>
  );
}
