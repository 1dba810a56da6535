"use client";

import { useRouter } from "next/navigation";
import { Send } from "lucide-react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { Button } from "~/components/ui/button";

type SubmitForReviewButtonProps = { restaurantId: string; resubmit: boolean };

export function SubmitForReviewButton({ restaurantId, resubmit }: SubmitForReviewButtonProps) {
  const router = useRouter();
  const submit = api.restaurants.submit.useMutation({
    onSuccess: () => {
      toast.success(resubmit ? "Resubmitted for review" : "Submitted for review", {
        description: "An admin will look at it soon.",
      });
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <Button className="w-full" pending={submit.isPending} onClick={() => submit.mutate({ restaurantId })}>
      <Send aria-hidden className="size-4" />
      {resubmit ? "Resubmit for review" : "Submit for review"}
    </Button>
  );
}
